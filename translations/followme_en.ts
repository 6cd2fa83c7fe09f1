<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Connection</name>
    <message numerus="yes">
        <source>Reconnecting in %n second(s)</source>
        <translation>
            <numerusform>Reconnecting in %n second</numerusform>
            <numerusform>Reconnecting in %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowMePage</name>
    <message numerus="yes">
        <source>%1: the devices ring one after another now, %n s each. Undo takes it back.</source>
        <translation>
            <numerusform>%1: the devices ring one after another now, %n s each. Undo takes it back.</numerusform>
            <numerusform>%1: the devices ring one after another now, %n s each. Undo takes it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One after another, %n s each</source>
        <translation>
            <numerusform>One after another, %n s each</numerusform>
            <numerusform>One after another, %n s each</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message numerus="yes">
        <source>%n more</source>
        <comment>notices waiting</comment>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message numerus="yes">
        <source>connected to %1 as %2 (revision %3); the FollowMe page shows %n device(s)</source>
        <translation>
            <numerusform>connected to %1 as %2 (revision %3); the FollowMe page shows %n device</numerusform>
            <numerusform>connected to %1 as %2 (revision %3); the FollowMe page shows %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message numerus="yes">
        <source>%n unsent change(s) for %1 were dropped: they were meant for that server.</source>
        <translation>
            <numerusform>%n unsent change for %1 was dropped: it was meant for that server.</numerusform>
            <numerusform>%n unsent changes for %1 were dropped: they were meant for that server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsent change(s) were dropped: they were made as another user.</source>
        <translation>
            <numerusform>%n unsent change was dropped: it was made as another user.</numerusform>
            <numerusform>%n unsent changes were dropped: they were made as another user.</numerusform>
        </translation>
    </message>
</context>
</TS>
