// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// What the figures were measured on: cores, CPU model, kernel, and the file system the
// databases lived on. One line for the report.
class MachineInfo
{
public:
    static QString describe(const QString &folder);
};
