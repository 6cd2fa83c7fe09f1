// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditSequence.h"

using namespace Qt::StringLiterals;

EditSequence::EditSequence(const QString &idPrefix, const QString &device)
    : m_prefix(idPrefix)
    , m_device(device)
{ }

QString EditSequence::next()
{
    m_lastId = m_prefix + u'-' + QString::number(m_count);
    // 5 and 6 in turn: the demo's rules (and device.add's) start at 0, so the first one changes
    // too.
    const int delay = m_count % 2 == 0 ? 5 : 6;
    ++m_count;
    return u"{\"type\":\"setRule\",\"id\":\"%1\",\"device\":\"%2\",\"callKind\":\"external\","
           u"\"delay\":%3}"_s.arg(m_lastId, m_device)
               .arg(delay);
}
