#include "RingWarning.h"

#include "RingWarnings.h"

#include <QCoreApplication>

// Names go in with the multi-argument arg(), in one pass, so a "%2" in a device's name stays
// as it is.
QString RingWarning::message() const
{
    const QString name = deviceName.isEmpty() ? deviceId : deviceName;
    switch (kind) {
    case Kind::NoDeviceEnabled:
        return QCoreApplication::translate(
            "RingWarning",
            "No device rings for these calls: the same as do-not-disturb, callers reach nobody.");
    case Kind::SilentGap:
        return QCoreApplication::translate("RingWarning",
                                           "Nothing rings from %1 s to %2 s: the caller waits %3 s "
                                           "with nobody able to answer until %4 starts.")
            .arg(QString::number(from), QString::number(to), QString::number(to - from), name);
    case Kind::VoicemailRisk:
        return QCoreApplication::translate("RingWarning",
                                           "%1 rings for %2 s: after about %3 s its carrier's "
                                           "voicemail may take the call before anyone else can "
                                           "answer.")
            .arg(name, QString::number(to - from),
                 QString::number(RingWarnings::voicemailRiskSeconds));
    case Kind::StartsAfterAllStopped:
        return QCoreApplication::translate("RingWarning",
                                           "%1 starts at %2 s, only after every other device has "
                                           "stopped at %3 s: callers who hang up before then "
                                           "never reach it.")
            .arg(name, QString::number(to), QString::number(from));
    case Kind::ControlledDeviceNeverRings:
        return QCoreApplication::translate("RingWarning",
                                           "%1, the device this client controls, is switched off "
                                           "for every kind of call, so it never rings.")
            .arg(name);
    }
    Q_UNREACHABLE();
}
