#include "Device.h"

bool operator==(const Device &a, const Device &b)
{
    return a.id == b.id && a.name == b.name && a.kind == b.kind && a.number == b.number
        && a.userConfigurable == b.userConfigurable && a.workspace == b.workspace
        && a.rules == b.rules;
}
