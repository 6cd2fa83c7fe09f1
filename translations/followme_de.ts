<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CallKind</name>
    <message>
        <source>External</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>FollowMe: choose which of your phones ring for a call, when, and for how long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the settings document FILE; edits are saved back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the ring timeline of the settings document FILE to an image and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call kind to export: external, internal or teams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image to write: a .png or .svg file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size in pixels, for example 1200x600 (default %1x%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 only goes with --export-timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--offline and --export-timeline can&apos;t be combined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown call kind &quot;%1&quot;: use external, internal or teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--export-timeline needs --output OUT.png or OUT.svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the output must end in .png or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid size &quot;%1&quot;: use WIDTHxHEIGHT between %2x%3 and %4x%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <source>Desk phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DECT handset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceRuleModel</name>
    <message>
        <source>there is no device in row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator manages %1: its FollowMe settings can&apos;t be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceRulesView</name>
    <message>
        <source> s</source>
        <comment>unit suffix of the delay and timeout spinners</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · via workspace %2</source>
        <comment>number, then the workspace the device comes through</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds before %1 starts ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds %1 rings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No devices are assigned to you yet. Your administrator assigns devices in the phone system.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowMePage</name>
    <message>
        <source>No device rings for %1 calls: callers reach you nowhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 devices ring; the last one stops after %2 s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>FollowMe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which of your phones ring for an incoming call, when they start and how long they ring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client controls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device this desktop client controls for your calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls from outside, through a trunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls from other users of the phone system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue calls to you as a logged-in agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineSession</name>
    <message>
        <source>the demo data is missing from this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo data in this build is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RingTimelineChart</name>
    <message>
        <source>%1 (locked)</source>
        <comment>device name on the timeline axis</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No devices to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rings from %2 s to %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is off for %2 calls (set to ring from %3 s to %4 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2–%3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <comment>separator between devices in a summary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rings (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d s</source>
        <comment>seconds axis label; keep %d</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds after the call arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsCodec</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved, the settings are invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required but missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is far outside the allowed range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known device kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known call kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is %1 bytes, more than the limit of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 is not supported; this FollowMe reads version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 devices are more than the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s is outside the allowed %2–%3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may only hold the letters a–z and A–Z, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no device has the id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an external number, which the client cannot control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is managed by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FollowMe Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FollowMe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineExporter</name>
    <message>
        <source>%1: the output must end in .png or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the image could not be rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see followme --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FollowMe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings in %1 can&apos;t be opened, and the file was left as it is:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
