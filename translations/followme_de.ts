<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AtomicFile</name>
    <message>
        <source>the folder %1 can&apos;t be created</source>
        <translation>der Ordner %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>the folder %1 can&apos;t be made yours alone</source>
        <translation>der Ordner %1 lässt sich nicht auf Sie allein beschränken</translation>
    </message>
</context>
<context>
    <name>AuditEntry</name>
    <message>
        <source>a change must be an object</source>
        <translation>eine Änderung muss ein Objekt sein</translation>
    </message>
    <message>
        <source>a change without a valid id or revision</source>
        <translation>eine Änderung ohne gültige ID oder Revision</translation>
    </message>
    <message>
        <source>a change without a valid time</source>
        <translation>eine Änderung ohne gültige Zeit</translation>
    </message>
    <message>
        <source>a change with an invalid user</source>
        <translation>eine Änderung mit ungültigem Benutzer</translation>
    </message>
    <message>
        <source>a change without a valid author</source>
        <translation>eine Änderung ohne gültigen Urheber</translation>
    </message>
    <message>
        <source>a change without an action</source>
        <translation>eine Änderung ohne Aktion</translation>
    </message>
    <message>
        <source>a change with an invalid device</source>
        <translation>eine Änderung mit ungültigem Gerät</translation>
    </message>
    <message>
        <source>a change with an invalid call kind</source>
        <translation>eine Änderung mit ungültiger Anrufart</translation>
    </message>
</context>
<context>
    <name>CallKind</name>
    <message>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>External calls</source>
        <translation>Externe Anrufe</translation>
    </message>
    <message>
        <source>Internal calls</source>
        <translation>Interne Anrufe</translation>
    </message>
    <message>
        <source>Teams calls</source>
        <translation>Teams-Anrufe</translation>
    </message>
</context>
<context>
    <name>ChangeListModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>who made a change. Where from</comment>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>ChangeText</name>
    <message>
        <source>calls</source>
        <comment>a rule of no known call kind</comment>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>%1, %2: changed.</source>
        <translation>%1, %2: geändert.</translation>
    </message>
    <message>
        <source>turned on</source>
        <translation>eingeschaltet</translation>
    </message>
    <message>
        <source>turned off</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <source>%1, %2: %3.</source>
        <comment>device, calls of a kind, what changed</comment>
        <translation>%1, %2: %3.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a rule change</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Your administrator</source>
        <translation>Ihr Administrator</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation>%1 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>Locked %1: only your administrator can change it now.</source>
        <translation>%1 gesperrt: Nur Ihr Administrator kann es jetzt ändern.</translation>
    </message>
    <message>
        <source>Unlocked %1: you can change it again.</source>
        <translation>%1 entsperrt: Sie können es wieder ändern.</translation>
    </message>
    <message>
        <source>Set the number of %1 to %2.</source>
        <translation>Nummer von %1 auf %2 gesetzt.</translation>
    </message>
    <message>
        <source>Removed the number of %1.</source>
        <translation>Nummer von %1 entfernt.</translation>
    </message>
    <message>
        <source>Put %1 in the workspace %2.</source>
        <translation>%1 dem Arbeitsplatz %2 zugeordnet.</translation>
    </message>
    <message>
        <source>Assigned %1 to you directly, not through a workspace.</source>
        <translation>%1 Ihnen direkt zugewiesen, nicht über einen Arbeitsplatz.</translation>
    </message>
    <message>
        <source>Set Client controls to no device.</source>
        <translation>Client kontrolliert auf kein Gerät gesetzt.</translation>
    </message>
    <message>
        <source>Set Client controls to %1.</source>
        <translation>Client kontrolliert auf %1 gesetzt.</translation>
    </message>
    <message>
        <source>Changed what happens to unanswered calls.</source>
        <translation>Geändert, was mit unbeantworteten Anrufen geschieht.</translation>
    </message>
    <message>
        <source>Created your account.</source>
        <translation>Ihr Konto angelegt.</translation>
    </message>
    <message>
        <source>Issued a new token for you.</source>
        <translation>Ein neues Token für Sie ausgestellt.</translation>
    </message>
    <message>
        <source>Revoked one of your tokens.</source>
        <translation>Eines Ihrer Tokens widerrufen.</translation>
    </message>
    <message>
        <source>Changed your settings (%1).</source>
        <translation>Ihre Einstellungen geändert (%1).</translation>
    </message>
    <message>
        <source>On the server itself</source>
        <translation>Auf dem Server selbst</translation>
    </message>
    <message>
        <source>From %1</source>
        <comment>the address a change came from</comment>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>delay from %1 to %2</source>
        <translation>Verzögerung von %1 auf %2</translation>
    </message>
    <message>
        <source>timeout from %1 to %2</source>
        <translation>Läuten von %1 auf %2</translation>
    </message>
    <message>
        <source>Your schedule</source>
        <translation>Ihr Zeitplan</translation>
    </message>
    <message>
        <source>Your schedule took over %1.</source>
        <translation>Ihr Zeitplan hat %1 übernommen.</translation>
    </message>
    <message>
        <source>Switched to %1.</source>
        <translation>Zu %1 gewechselt.</translation>
    </message>
    <message>
        <source>Chose the profile %1.</source>
        <translation>Das Profil %1 gewählt.</translation>
    </message>
    <message>
        <source>Changed your schedule.</source>
        <translation>Ihren Zeitplan geändert.</translation>
    </message>
    <message>
        <source>Locked your schedule: you can&apos;t change it or choose a profile over it.</source>
        <translation>Ihren Zeitplan gesperrt: Sie können ihn nicht ändern und kein Profil an seiner Stelle wählen.</translation>
    </message>
    <message>
        <source>Unlocked your schedule.</source>
        <translation>Ihren Zeitplan entsperrt.</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Changes by others</source>
        <translation>Änderungen durch andere</translation>
    </message>
    <message>
        <source>The latest changes to your FollowMe settings that someone else made, such as your administrator, newest first. Your own changes are not listed.</source>
        <translation>Die letzten Änderungen an Ihren FollowMe-Einstellungen, die jemand anderes vorgenommen hat, etwa Ihr Administrator, die neueste zuerst. Ihre eigenen Änderungen sind nicht aufgeführt.</translation>
    </message>
    <message>
        <source>No one else has changed your settings lately.</source>
        <translation>Niemand sonst hat Ihre Einstellungen in letzter Zeit geändert.</translation>
    </message>
</context>
<context>
    <name>ClientMessage</name>
    <message>
        <source>device: must be a device id or null</source>
        <translation>device: muss eine Geräte-ID oder null sein</translation>
    </message>
    <message>
        <source>device: must be a device id</source>
        <translation>device: muss eine Geräte-ID sein</translation>
    </message>
    <message>
        <source>%1: must be a whole number of seconds</source>
        <translation>%1: muss eine ganze Zahl von Sekunden sein</translation>
    </message>
    <message>
        <source>%1: %2 s is outside the allowed %3–%4 s</source>
        <translation>%1: %2&#xa0;s liegt außerhalb des erlaubten Bereichs von %3–%4&#xa0;s</translation>
    </message>
    <message>
        <source>the message is %1 bytes, more than the limit of %2 bytes</source>
        <translation>die Nachricht ist %1 Bytes groß und überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>type: must be a string</source>
        <translation>type: muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>protocol: must be a whole number</source>
        <translation>protocol: muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>token: must be a non-empty string</source>
        <translation>token: muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>client: must be a string</source>
        <translation>client: muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>callKind: must be &quot;external&quot;, &quot;internal&quot; or &quot;teams&quot;</source>
        <translation>callKind: muss „external“, „internal“ oder „teams“ sein</translation>
    </message>
    <message>
        <source>enabled: must be true or false</source>
        <translation>enabled: muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a message type of protocol %2</source>
        <translation>„%1“ ist kein Nachrichtentyp der Protokollversion %2</translation>
    </message>
    <message>
        <source>id: must be a string of 1 to %1 UTF-16 code units</source>
        <translation>id: muss eine Zeichenkette aus 1 bis %1 UTF-16-Codeeinheiten sein</translation>
    </message>
    <message>
        <source>profile: must be a profile id or null</source>
        <translation>profile: muss eine Profil-ID oder null sein</translation>
    </message>
    <message>
        <source>profile: must be a profile id</source>
        <translation>profile: muss eine Profil-ID sein</translation>
    </message>
    <message>
        <source>name: must be a string</source>
        <translation>name: muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 changes nothing: give enabled, delay or timeout</source>
        <translation>%1 ändert nichts: Geben Sie enabled, delay oder timeout an</translation>
    </message>
    <message>
        <source>until: must be a UTC time such as 2026-12-04T17:00:00Z, or null</source>
        <translation>until: muss eine UTC-Zeit wie 2026-12-04T17:00:00Z oder null sein</translation>
    </message>
    <message>
        <source>until: following the schedule has no end; give a profile</source>
        <translation>until: Das Folgen des Zeitplans lässt sich nicht befristen; geben Sie ein Profil an</translation>
    </message>
    <message>
        <source>schedule: must be a schedule object or null</source>
        <translation>schedule: muss ein Zeitplan-Objekt oder null sein</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>FollowMe: choose which of your phones ring for a call, when, and for how long.</source>
        <translation>FollowMe: Legen Sie fest, welche Ihrer Telefone bei einem Anruf läuten, wann und wie lange.</translation>
    </message>
    <message>
        <source>Open the settings document FILE; edits are saved back to it.</source>
        <translation>Öffnet das Einstellungsdokument DATEI; Änderungen werden darin gespeichert.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Render the ring timeline of the settings document FILE to an image and exit.</source>
        <translation>Speichert die Läutzeiten aus dem Einstellungsdokument DATEI als Bild und beendet das Programm.</translation>
    </message>
    <message>
        <source>Call kind to export: external, internal or teams.</source>
        <translation>Zu exportierende Anrufart: external, internal oder teams.</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>Image to write: a .png or .svg file.</source>
        <translation>Zu schreibendes Bild: eine .png- oder .svg-Datei.</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>BILD</translation>
    </message>
    <message>
        <source>Image size in pixels, for example 1200x600 (default %1x%2).</source>
        <translation>Bildgröße in Pixeln, zum Beispiel 1200x600 (Standard: %1x%2).</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--%1 only goes with --export-timeline</source>
        <translation>--%1 ist nur zusammen mit --export-timeline möglich</translation>
    </message>
    <message>
        <source>unknown call kind &quot;%1&quot;: use external, internal or teams</source>
        <translation>unbekannte Anrufart „%1“: Verwenden Sie external, internal oder teams</translation>
    </message>
    <message>
        <source>--export-timeline needs --output OUT.png or OUT.svg</source>
        <translation>--export-timeline erfordert --output BILD.png oder BILD.svg</translation>
    </message>
    <message>
        <source>%1: the output must end in .png or .svg</source>
        <translation>%1: Die Ausgabedatei muss auf .png oder .svg enden</translation>
    </message>
    <message>
        <source>invalid size &quot;%1&quot;: use WIDTHxHEIGHT between %2x%3 and %4x%5</source>
        <translation>ungültige Größe „%1“: Verwenden Sie BREITExHÖHE zwischen %2x%3 und %4x%5</translation>
    </message>
    <message>
        <source>Connect to the FollowMe server at URL (ws:// or wss://). The token comes from the FOLLOWME_TOKEN environment variable or from the credential store.</source>
        <translation>Verbindet mit dem FollowMe-Server unter URL (ws:// oder wss://). Das Token stammt aus der Umgebungsvariablen FOLLOWME_TOKEN oder aus dem Anmeldedatenspeicher.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>--offline and --server can&apos;t be combined</source>
        <translation>--offline und --server lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <source>invalid server &quot;%1&quot;: use ws://HOST:PORT/ or wss://HOST:PORT/</source>
        <translation>ungültiger Server „%1“: Verwenden Sie ws://HOST:PORT/ oder wss://HOST:PORT/</translation>
    </message>
    <message>
        <source>Start without a window on screen, connect, and exit with 0 once the FollowMe page shows the server&apos;s settings; otherwise say what did not come up and exit with 4.</source>
        <translation>Ohne Fenster auf dem Bildschirm starten, verbinden und mit 0 beenden, sobald die FollowMe-Seite die Einstellungen des Servers zeigt; sonst sagen, was nicht zustande kam, und mit 4 beenden.</translation>
    </message>
    <message>
        <source>--startup-check checks a connected start: it can&apos;t be combined with --offline</source>
        <translation>--startup-check prüft einen verbundenen Start: Es lässt sich nicht mit --offline kombinieren</translation>
    </message>
    <message>
        <source>--export-timeline can&apos;t be combined with --offline, --server or --startup-check</source>
        <translation>--export-timeline lässt sich nicht mit --offline, --server oder --startup-check kombinieren</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Offline: no server is set</source>
        <translation>Offline: kein Server eingestellt</translation>
    </message>
    <message>
        <source>Offline: no token for %1</source>
        <translation>Offline: kein Token für %1</translation>
    </message>
    <message>
        <source>Reading the token for %1…</source>
        <translation>Token für %1 wird gelesen …</translation>
    </message>
    <message>
        <source>Offline: disconnected from %1</source>
        <translation>Offline: Verbindung zu %1 getrennt</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Verbunden mit %1 als %2</translation>
    </message>
    <message>
        <source>Offline: %1 can&apos;t be reached</source>
        <translation>Offline: %1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Offline: %1 can&apos;t be reached (%2)</source>
        <translation>Offline: %1 ist nicht erreichbar (%2)</translation>
    </message>
    <message>
        <source>Offline: %1 refused the token; enter a new one</source>
        <translation>Offline: %1 hat das Token abgelehnt; geben Sie ein neues ein</translation>
    </message>
    <message>
        <source>Offline: %1 does not accept this version of FollowMe (%2)</source>
        <translation>Offline: %1 akzeptiert diese Version von FollowMe nicht (%2)</translation>
    </message>
    <message>
        <source>showing cached settings from %1</source>
        <translation>zeigt zwischengespeicherte Einstellungen vom %1</translation>
    </message>
    <message>
        <source>The stored token could not be read: %1</source>
        <translation>Das gespeicherte Token konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No token is stored for this server.</source>
        <translation>Für diesen Server ist kein Token gespeichert.</translation>
    </message>
    <message>
        <source>Reading the stored token…</source>
        <translation>Das gespeicherte Token wird gelesen …</translation>
    </message>
    <message>
        <source>Storing the token…</source>
        <translation>Das Token wird gespeichert …</translation>
    </message>
    <message>
        <source>Stored in your system&apos;s keychain.</source>
        <translation>Im Schlüsselbund Ihres Systems gespeichert.</translation>
    </message>
    <message>
        <source>Stored in a file only you can read: %1 — no keychain is available.</source>
        <translation>In einer Datei gespeichert, die nur Sie lesen können: %1 – es ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>Taken from the environment (FOLLOWME_TOKEN) for this run only; not stored.</source>
        <translation>Aus der Umgebung (FOLLOWME_TOKEN) nur für diesen Programmlauf übernommen; nicht gespeichert.</translation>
    </message>
    <message>
        <source>The token could not be stored (%1): it is used for this session only.</source>
        <translation>Das Token konnte nicht gespeichert werden (%1): Es wird nur für diese Sitzung verwendet.</translation>
    </message>
    <message>
        <source>Kept in memory for this session only.</source>
        <translation>Nur für diese Sitzung im Arbeitsspeicher gehalten.</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n second(s)</source>
        <translation>
            <numerusform>Neuer Verbindungsversuch in %n Sekunde</numerusform>
            <numerusform>Neuer Verbindungsversuch in %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf das Senden</numerusform>
            <numerusform>%n Änderungen warten auf das Senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: FollowMe did not take what %1 sent (%2)</source>
        <translation>Offline: FollowMe hat nicht übernommen, was %1 gesendet hat (%2)</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>The server address must start with ws:// or wss://</source>
        <translation>Die Serveradresse muss mit ws:// oder wss:// beginnen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>FollowMe keeps your settings on your phone system&apos;s server and shows changes made elsewhere at once. Without a connection you see the settings as last received, and your changes are sent when the connection is back.</source>
        <translation>FollowMe speichert Ihre Einstellungen auf dem Server Ihrer Telefonanlage und zeigt anderswo vorgenommene Änderungen sofort an. Ohne Verbindung sehen Sie die zuletzt empfangenen Einstellungen; Ihre Änderungen werden gesendet, sobald die Verbindung wieder besteht.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation>Gespeichert – zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>Your access token</source>
        <translation>Ihr Zugangstoken</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugangstoken</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>T&amp;rennen</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Type a new token to replace it</source>
        <translation>Geben Sie ein neues Token ein, um es zu ersetzen</translation>
    </message>
    <message>
        <source>Where the token is kept</source>
        <translation>Wo das Token aufbewahrt wird</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Try to reach the server at once instead of waiting</source>
        <translation>Den Server sofort zu erreichen versuchen, statt zu warten</translation>
    </message>
</context>
<context>
    <name>ControlledDeviceCommand</name>
    <message>
        <source>choose the controlled device</source>
        <translation>das gesteuerte Gerät wählen</translation>
    </message>
</context>
<context>
    <name>DeviceChanges</name>
    <message>
        <source>%1 from %2 s to %3 s</source>
        <comment>calls of a kind and when a device rings</comment>
        <translation>%1 von %2 s bis %3 s</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the call kinds a new device rings for</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>New device %1 is off: it rings for no calls.</source>
        <translation>Das neue Gerät %1 ist aus: Es läutet bei keinem Anruf.</translation>
    </message>
    <message>
        <source>New device %1 rings from %2 s to %3 s.</source>
        <translation>Das neue Gerät %1 läutet von %2 s bis %3 s.</translation>
    </message>
    <message>
        <source>New device %1 rings for %2.</source>
        <translation>Das neue Gerät %1 läutet für %2.</translation>
    </message>
    <message>
        <source>%1 was removed by your administrator.</source>
        <translation>%1 wurde von Ihrem Administrator entfernt.</translation>
    </message>
    <message>
        <source>%1 was removed by your administrator, so Client controls is now %2.</source>
        <translation>%1 wurde von Ihrem Administrator entfernt, daher kontrolliert der Client jetzt %2.</translation>
    </message>
    <message>
        <source>%1 was removed by your administrator, so Client controls is now No device.</source>
        <translation>%1 wurde von Ihrem Administrator entfernt, daher kontrolliert der Client jetzt kein Gerät.</translation>
    </message>
    <message>
        <source>%1 is now called %2.</source>
        <translation>%1 heißt jetzt %2.</translation>
    </message>
    <message>
        <source>%1 now has the number %2.</source>
        <translation>%1 hat jetzt die Nummer %2.</translation>
    </message>
    <message>
        <source>%1 now comes to you through the workspace %2.</source>
        <translation>%1 ist Ihnen jetzt über den Arbeitsplatz %2 zugewiesen.</translation>
    </message>
    <message>
        <source>%1 is now assigned to you directly, not through a workspace.</source>
        <translation>%1 ist Ihnen jetzt direkt zugewiesen, nicht über einen Arbeitsplatz.</translation>
    </message>
    <message>
        <source>%1 is now managed by your administrator.</source>
        <translation>%1 wird jetzt von Ihrem Administrator verwaltet.</translation>
    </message>
    <message>
        <source>You can change %1 again.</source>
        <translation>Sie können %1 wieder ändern.</translation>
    </message>
    <message>
        <source>%1 now rings for %2 from %3 s to %4 s.</source>
        <translation>%1 läutet jetzt für %2 von %3 s bis %4 s.</translation>
    </message>
    <message>
        <source>%1 no longer rings for %2.</source>
        <translation>%1 läutet nicht mehr für %2.</translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <source>Desk phone</source>
        <translation>Tischtelefon</translation>
    </message>
    <message>
        <source>Desktop softphone</source>
        <translation>Desktop-Softphone</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Mobile App</translation>
    </message>
    <message>
        <source>DECT handset</source>
        <translation>DECT-Mobilteil</translation>
    </message>
    <message>
        <source>External number</source>
        <translation>Externe Rufnummer</translation>
    </message>
</context>
<context>
    <name>DeviceRuleModel</name>
    <message>
        <source>there is no device in row %1</source>
        <translation>in Zeile %1 gibt es kein Gerät</translation>
    </message>
    <message>
        <source>Your administrator manages %1: its FollowMe settings can&apos;t be changed here.</source>
        <translation>%1 wird von Ihrem Administrator verwaltet: Die FollowMe-Einstellungen dieses Geräts lassen sich hier nicht ändern.</translation>
    </message>
    <message>
        <source>Rings</source>
        <translation>Läutet</translation>
    </message>
    <message>
        <source>Does not ring</source>
        <translation>Läutet nicht</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Läuten</translation>
    </message>
</context>
<context>
    <name>DeviceRulesView</name>
    <message>
        <source> s</source>
        <comment>unit suffix of the delay and timeout spinners</comment>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <source>%1 · via workspace %2</source>
        <comment>number, then the workspace the device comes through</comment>
        <translation>%1 · Arbeitsplatz %2</translation>
    </message>
    <message>
        <source>%1 rings</source>
        <translation>%1 läutet</translation>
    </message>
    <message>
        <source>Delay for %1</source>
        <translation>Verzögerung für %1</translation>
    </message>
    <message>
        <source>Seconds before %1 starts ringing</source>
        <translation>Sekunden, bevor %1 zu läuten beginnt</translation>
    </message>
    <message>
        <source>Timeout for %1</source>
        <translation>Läutdauer für %1</translation>
    </message>
    <message>
        <source>Seconds %1 rings</source>
        <translation>Sekunden, die %1 läutet</translation>
    </message>
    <message>
        <source>Managed by your administrator</source>
        <translation>Von Ihrem Administrator verwaltet</translation>
    </message>
    <message>
        <source>No devices are assigned to you yet. Your administrator assigns devices in the phone system.</source>
        <translation>Ihnen sind noch keine Geräte zugewiesen. Geräte weist Ihr Administrator in der Telefonanlage zu.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Senden…</translation>
    </message>
    <message>
        <source>Not yet confirmed by the server</source>
        <translation>Vom Server noch nicht bestätigt</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Läutet</translation>
    </message>
    <message>
        <source>“%1” is not a delay: for %2 type whole seconds from %3 to %4. Still %5 s.</source>
        <translation>„%1“ ist keine Verzögerung: Geben Sie für %2 ganze Sekunden von %3 bis %4 ein. Es bleibt bei %5 s.</translation>
    </message>
    <message>
        <source>“%1” is not a timeout: for %2 type whole seconds from %3 to %4. Still %5 s.</source>
        <translation>„%1“ ist keine Läutdauer: Geben Sie für %2 ganze Sekunden von %3 bis %4 ein. Es bleibt bei %5 s.</translation>
    </message>
    <message>
        <source>Whole seconds from %1 to %2</source>
        <translation>Ganze Sekunden von %1 bis %2</translation>
    </message>
    <message>
        <source>%1 is switched off for these calls</source>
        <translation>%1 ist für diese Anrufe ausgeschaltet</translation>
    </message>
    <message>
        <source>%1. %2.</source>
        <comment>what the spinner sets, then its range</comment>
        <translation>%1. %2.</translation>
    </message>
    <message>
        <source>%1. %2. %3</source>
        <comment>what the spinner sets, its range, why it is off</comment>
        <translation>%1. %2. %3</translation>
    </message>
    <message>
        <source>Your devices appear here as soon as FollowMe has reached the server; the status bar below says why it hasn&apos;t yet.</source>
        <translation>Ihre Geräte erscheinen hier, sobald FollowMe den Server erreicht hat; die Statusleiste unten sagt, warum das noch nicht geschehen ist.</translation>
    </message>
</context>
<context>
    <name>FollowMePage</name>
    <message>
        <source>FollowMe</source>
        <translation>FollowMe</translation>
    </message>
    <message>
        <source>Choose which of your phones ring for an incoming call, when they start and how long they ring.</source>
        <translation>Legen Sie fest, welche Ihrer Telefone bei einem eingehenden Anruf läuten, wann sie beginnen und wie lange.</translation>
    </message>
    <message>
        <source>&amp;Client controls:</source>
        <translation>&amp;Client kontrolliert:</translation>
    </message>
    <message>
        <source>No device</source>
        <translation>Kein Gerät</translation>
    </message>
    <message>
        <source>Client controls</source>
        <translation>Client kontrolliert</translation>
    </message>
    <message>
        <source>Call kind</source>
        <translation>Anrufart</translation>
    </message>
    <message>
        <source>Calls from outside, through a trunk</source>
        <translation>Anrufe von außen über das Amt</translation>
    </message>
    <message>
        <source>Calls from other users of the phone system</source>
        <translation>Anrufe von anderen Benutzern der Telefonanlage</translation>
    </message>
    <message>
        <source>Queue calls to you as a logged-in agent</source>
        <translation>Anrufe aus der Warteschlange eines Teams, in dem Sie als Agent angemeldet sind</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>Meine Geräte</translation>
    </message>
    <message>
        <source>%1: no device rings, so these callers can&apos;t reach you.</source>
        <translation>%1: Kein Gerät läutet, diese Anrufer erreichen Sie nicht.</translation>
    </message>
    <message>
        <source>Ringing: %1 of %2 devices, the last one until %3 s.</source>
        <translation>Es läuten %1 von %2 Geräten, das letzte bis %3&#xa0;s.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Nothing to copy: %1 already ring the same way.</source>
        <translation>Nichts zu kopieren: Für %1 läuten die Geräte bereits genauso.</translation>
    </message>
    <message>
        <source>Copied to %1; devices your administrator manages were skipped. Undo takes it back.</source>
        <translation>Nach %1 kopiert; von Ihrem Administrator verwaltete Geräte wurden übersprungen. Mit „Rückgängig“ nehmen Sie das zurück.</translation>
    </message>
    <message>
        <source>Export the ring timeline</source>
        <translation>Läutzeiten exportieren</translation>
    </message>
    <message>
        <source>followme-%1.png</source>
        <translation>followme-%1.png</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Grafik (*.svg)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>%1 s: nothing rings</source>
        <translation>%1&#xa0;s – kein Gerät läutet</translation>
    </message>
    <message>
        <source>%1 s: %2 ringing</source>
        <translation>%1&#xa0;s – es läutet: %2</translation>
    </message>
    <message>
        <source>Play a call</source>
        <translation>Anruf abspielen</translation>
    </message>
    <message>
        <source>Simulate an incoming call of this kind along the timeline (%1)</source>
        <translation>Einen eingehenden Anruf dieser Art anhand der Läutzeiten simulieren (%1)</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <source>2× faster</source>
        <translation>2× schneller</translation>
    </message>
    <message>
        <source>5× faster</source>
        <translation>5× schneller</translation>
    </message>
    <message>
        <source>10× faster</source>
        <translation>10× schneller</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Copy this plan to</source>
        <translation>Diesen Plan kopieren nach</translation>
    </message>
    <message>
        <source>Copy this plan to another call kind</source>
        <translation>Diesen Plan in eine andere Anrufart kopieren</translation>
    </message>
    <message>
        <source>Both other call kinds</source>
        <translation>Beide anderen Anrufarten</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Copied to %1. Undo takes it back.</source>
        <translation>Nach %1 kopiert. „Rückgängig“ nimmt es zurück.</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <source>Undo: %1 (%2)</source>
        <translation>Rückgängig: %1 (%2)</translation>
    </message>
    <message>
        <source>Redo: %1 (%2)</source>
        <translation>Wiederholen: %1 (%2)</translation>
    </message>
    <message>
        <source>The device this desktop client controls for your calls: %1</source>
        <translation>Das Gerät, das dieser Desktop-Client für Ihre Anrufe steuert: %1</translation>
    </message>
    <message>
        <source>My devices and their ring timeline</source>
        <translation>Meine Geräte und ihre Läut-Zeitleiste</translation>
    </message>
    <message>
        <source>About this plan</source>
        <translation>Zu diesem Plan</translation>
    </message>
    <message>
        <source>&amp;Copy this plan to</source>
        <translation>Diesen Plan &amp;kopieren nach</translation>
    </message>
    <message>
        <source>Save this timeline as a PNG or SVG image (%1)</source>
        <translation>Diese Zeitleiste als PNG- oder SVG-Bild speichern (%1)</translation>
    </message>
    <message>
        <source>Ringing: only %1, until %2 s.</source>
        <translation>Es läutet nur %1, bis %2 s.</translation>
    </message>
    <message>
        <source>%1 ring this way already.</source>
        <translation>Für %1 läuten die Geräte bereits so.</translation>
    </message>
    <message>
        <source>%1: every device rings at once now. Undo takes it back.</source>
        <translation>%1: Alle Geräte läuten jetzt gleichzeitig. „Rückgängig“ nimmt es zurück.</translation>
    </message>
    <message numerus="yes">
        <source>%1: the devices ring one after another now, %n s each. Undo takes it back.</source>
        <translation>
            <numerusform>%1: Die Geräte läuten jetzt nacheinander, jeweils %n&#xa0;s. „Rückgängig“ nimmt es zurück.</numerusform>
            <numerusform>%1: Die Geräte läuten jetzt nacheinander, jeweils %n&#xa0;s. „Rückgängig“ nimmt es zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ring order</source>
        <translation>Klingelreihenfolge</translation>
    </message>
    <message>
        <source>Ring order: fill the delays and timeouts from the order of the devices (devices your administrator manages, and those switched off, are left alone)</source>
        <translation>Klingelreihenfolge: Verzögerung und Läutdauer anhand der Reihenfolge der Geräte festlegen (von Ihrem Administrator verwaltete und ausgeschaltete Geräte bleiben unverändert)</translation>
    </message>
    <message>
        <source>&amp;Ring order</source>
        <translation>Klingel&amp;reihenfolge</translation>
    </message>
    <message>
        <source>&amp;All at once</source>
        <translation>&amp;Alle gleichzeitig</translation>
    </message>
    <message numerus="yes">
        <source>One after another, %n s each</source>
        <translation>
            <numerusform>Nacheinander, jeweils %n&#xa0;s</numerusform>
            <numerusform>Nacheinander, jeweils %n&#xa0;s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeychainCredentialStore</name>
    <message>
        <source>no keychain (%1), and %2</source>
        <translation>kein Schlüsselbund (%1), und %2</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Choose the language FollowMe is shown in. It changes at once and is kept for the next start.</source>
        <translation>Wählen Sie die Sprache von FollowMe. Sie wechselt sofort und bleibt beim nächsten Start erhalten.</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>The language of your desktop, or English when FollowMe has no translation for it.</source>
        <translation>Die Sprache Ihres Desktops oder Englisch, falls FollowMe dafür keine Übersetzung hat.</translation>
    </message>
    <message>
        <source>The language of your desktop (%1), or English when FollowMe has no translation for it.</source>
        <translation>Die Sprache Ihres Desktops (%1) oder Englisch, falls FollowMe dafür keine Übersetzung hat.</translation>
    </message>
    <message>
        <source>&amp;English</source>
        <extracomment>The language&apos;s own name: keep it in English in every translation.</extracomment>
        <translation>&amp;English</translation>
    </message>
    <message>
        <source>&amp;Deutsch</source>
        <extracomment>The language&apos;s own name: keep it in German in every translation.</extracomment>
        <translation>&amp;Deutsch</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message numerus="yes">
        <source>%n more</source>
        <comment>notices waiting</comment>
        <translation>
            <numerusform>noch %n</numerusform>
            <numerusform>noch %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>OfflineSession</name>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the unsent edits in %1 could not be read; the file was kept as %1.damaged</source>
        <translation>die nicht gesendeten Änderungen in %1 konnten nicht gelesen werden; die Datei wurde als %1.damaged aufbewahrt</translation>
    </message>
    <message>
        <source>unsent edits for %1 were not loaded, since this client now uses %2; they were kept in %3.other-server</source>
        <translation>nicht gesendete Änderungen für %1 wurden nicht geladen, da dieser Client jetzt %2 verwendet; sie wurden in %3.other-server aufbewahrt</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>copy the %1 plan</source>
        <translation>Kopieren des Plans „%1“</translation>
    </message>
    <message>
        <source>ring all at once</source>
        <translation>alle gleichzeitig läuten lassen</translation>
    </message>
    <message>
        <source>ring one after another</source>
        <translation>nacheinander läuten lassen</translation>
    </message>
</context>
<context>
    <name>PlanHeader</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Läuten</translation>
    </message>
</context>
<context>
    <name>PlanSummary</name>
    <message>
        <source>%1 %2–%3 s</source>
        <comment>a device and the seconds it rings</comment>
        <translation>%1 %2–%3&#xa0;s</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the devices in a plan summary</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1: no device rings.</source>
        <translation>%1: Kein Gerät läutet.</translation>
    </message>
    <message>
        <source>%1: no device rings, calls go straight to voicemail.</source>
        <translation>%1: Kein Gerät läutet, Anrufe gehen direkt an die Mailbox.</translation>
    </message>
    <message>
        <source>%1: no device rings, calls go straight to %2.</source>
        <translation>%1: Kein Gerät läutet, Anrufe werden direkt an %2 weitergeleitet.</translation>
    </message>
    <message>
        <source>%1: no device rings, calls end at once.</source>
        <translation>%1: Kein Gerät läutet, Anrufe enden sofort.</translation>
    </message>
    <message>
        <source>%1: %2, nobody rings after %3 s.</source>
        <translation>%1: %2, ab %3&#xa0;s läutet kein Gerät mehr.</translation>
    </message>
    <message>
        <source>%1: %2, then voicemail.</source>
        <translation>%1: %2, danach die Mailbox.</translation>
    </message>
    <message>
        <source>%1: %2, then %3.</source>
        <translation>%1: %2, danach %3.</translation>
    </message>
    <message>
        <source>%1: %2, then the call ends.</source>
        <translation>%1: %2, danach endet der Anruf.</translation>
    </message>
    <message>
        <source>No device rings: the caller reaches nobody.</source>
        <translation>Kein Gerät läutet: Der Anrufer erreicht niemanden.</translation>
    </message>
    <message>
        <source>No device rings: the call goes to voicemail at once.</source>
        <translation>Kein Gerät läutet: Der Anruf geht sofort an die Mailbox.</translation>
    </message>
    <message>
        <source>No device rings: the call goes to %1 at once.</source>
        <translation>Kein Gerät läutet: Der Anruf wird sofort an %1 weitergeleitet.</translation>
    </message>
    <message>
        <source>No device rings: the call ends at once.</source>
        <translation>Kein Gerät läutet: Der Anruf endet sofort.</translation>
    </message>
    <message>
        <source>After %1 s nobody rings any more.</source>
        <translation>Nach %1&#xa0;s läutet kein Gerät mehr.</translation>
    </message>
    <message>
        <source>After %1 s the call goes to voicemail.</source>
        <translation>Nach %1&#xa0;s geht der Anruf an die Mailbox.</translation>
    </message>
    <message>
        <source>After %1 s the call goes to %2.</source>
        <translation>Nach %1&#xa0;s wird der Anruf an %2 weitergeleitet.</translation>
    </message>
    <message>
        <source>After %1 s the call ends.</source>
        <translation>Nach %1&#xa0;s endet der Anruf.</translation>
    </message>
</context>
<context>
    <name>ProfileBar</name>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Active profile</source>
        <translation>Aktives Profil</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Make, rename or delete profiles</source>
        <translation>Profile anlegen, umbenennen oder löschen</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>&amp;Neues Profil…</translation>
    </message>
    <message>
        <source>&amp;Delete profile</source>
        <translation>Profil &amp;löschen</translation>
    </message>
    <message>
        <source>Do not disturb for one &amp;hour</source>
        <translation>Eine &amp;Stunde lang nicht stören</translation>
    </message>
    <message>
        <source>&amp;Follow the schedule</source>
        <translation>Dem &amp;Zeitplan folgen</translation>
    </message>
    <message>
        <source>Edit the &amp;schedule…</source>
        <translation>Zeitplan &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>%1. %2.</source>
        <comment>the active profile until when, who chose it</comment>
        <translation>%1. %2.</translation>
    </message>
    <message>
        <source>Your administrator manages your schedule.</source>
        <translation>Ihr Administrator verwaltet Ihren Zeitplan.</translation>
    </message>
    <message>
        <source>&amp;Rename profile…</source>
        <translation>Profil &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Rename “%1”…</source>
        <translation>„%1“ &amp;umbenennen…</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Name of the new profile (it starts as a copy of the active one):</source>
        <translation>Name des neuen Profils (es beginnt als Kopie des aktiven Profils):</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>Profil umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>S&amp;how and edit</source>
        <translation>&amp;Ansehen und bearbeiten</translation>
    </message>
    <message>
        <source>Show the active plan</source>
        <translation>Aktiven Plan zeigen</translation>
    </message>
    <message>
        <source>Below: “%1”, which is not active. Changes to it take effect when it is.</source>
        <translation>Unten: „%1“, das nicht aktiv ist. Änderungen daran wirken, sobald es aktiv ist.</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <comment>a profile in a menu</comment>
        <translation>%1 (aktiv)</translation>
    </message>
</context>
<context>
    <name>ProfileCodec</name>
    <message>
        <source>is required but missing</source>
        <translation>ist erforderlich, fehlt aber</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>no device has the id &quot;%1&quot;</source>
        <translation>kein Gerät hat die ID „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known call kind</source>
        <translation>„%1“ ist keine bekannte Anrufart</translation>
    </message>
    <message>
        <source>must be &quot;schedule&quot;, &quot;user&quot; or &quot;admin&quot;</source>
        <translation>muss „schedule“, „user“ oder „admin“ sein</translation>
    </message>
    <message>
        <source>must be a UTC time such as 2026-12-04T07:00:00Z</source>
        <translation>muss eine UTC-Zeit wie 2026-12-04T07:00:00Z sein</translation>
    </message>
    <message>
        <source>must be a UTC time such as 2026-12-04T17:00:00Z</source>
        <translation>muss eine UTC-Zeit wie 2026-12-04T17:00:00Z sein</translation>
    </message>
    <message>
        <source>must be &quot;user&quot; or &quot;admin&quot;</source>
        <translation>muss „user“ oder „admin“ sein</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <source>must be one of &quot;mon&quot; … &quot;sun&quot;</source>
        <translation>muss einer der Werte „mon“ … „sun“ sein</translation>
    </message>
    <message>
        <source>must be a time from 00:00 to 23:59</source>
        <translation>muss eine Uhrzeit von 00:00 bis 23:59 sein</translation>
    </message>
    <message>
        <source>must be a time from 00:01 to 24:00</source>
        <translation>muss eine Uhrzeit von 00:01 bis 24:00 sein</translation>
    </message>
    <message>
        <source>must be a date and time such as 2026-12-24T00:00</source>
        <translation>muss ein Datum mit Uhrzeit wie 2026-12-24T00:00 sein</translation>
    </message>
    <message>
        <source>must be a date and time such as 2026-12-27T00:00</source>
        <translation>muss ein Datum mit Uhrzeit wie 2026-12-27T00:00 sein</translation>
    </message>
    <message>
        <source>%1 profiles are more than the limit of %2</source>
        <translation>%1 Profile überschreiten die Grenze von %2</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in Do not disturb</source>
        <translation>„%1“ ist das eingebaute Profil „Nicht stören“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the id of another profile</source>
        <translation>„%1“ ist die ID eines anderen Profils</translation>
    </message>
    <message>
        <source>no profile has the id &quot;%1&quot;</source>
        <translation>kein Profil hat die ID „%1“</translation>
    </message>
    <message>
        <source>is required when there are profiles: which one is active</source>
        <translation>ist erforderlich, wenn es Profile gibt: welches davon aktiv ist</translation>
    </message>
    <message>
        <source>Do not disturb needs the profile it keeps the rules of</source>
        <translation>„Nicht stören“ braucht das Profil, dessen Regeln es aufbewahrt</translation>
    </message>
</context>
<context>
    <name>ProfileEditCommand</name>
    <message>
        <source>change profiles</source>
        <translation>Profile ändern</translation>
    </message>
</context>
<context>
    <name>ProfileEditing</name>
    <message>
        <source>your administrator manages your schedule</source>
        <translation>Ihr Administrator verwaltet Ihren Zeitplan</translation>
    </message>
    <message>
        <source>&quot;dnd&quot; is the built-in Do not disturb</source>
        <translation>„dnd“ ist das eingebaute Profil „Nicht stören“</translation>
    </message>
    <message>
        <source>a profile with the id &quot;%1&quot; exists already</source>
        <translation>ein Profil mit der ID „%1“ gibt es bereits</translation>
    </message>
    <message>
        <source>there are %1 profiles already, the most there can be</source>
        <translation>es gibt bereits %1 Profile, mehr sind nicht möglich</translation>
    </message>
    <message>
        <source>Do not disturb can&apos;t be renamed</source>
        <translation>„Nicht stören“ lässt sich nicht umbenennen</translation>
    </message>
    <message>
        <source>no profile has the id &quot;%1&quot;</source>
        <translation>kein Profil hat die ID „%1“</translation>
    </message>
    <message>
        <source>not a profile edit</source>
        <translation>keine Änderung an Profilen</translation>
    </message>
    <message>
        <source>schedule: no profile has the id &quot;%1&quot;</source>
        <translation>schedule: kein Profil hat die ID „%1“</translation>
    </message>
    <message>
        <source>profile: there is no schedule to follow</source>
        <translation>profile: Es gibt keinen Zeitplan, dem gefolgt werden kann</translation>
    </message>
    <message>
        <source>until: %1 has passed already</source>
        <translation>until: %1 ist bereits vorbei</translation>
    </message>
    <message>
        <source>Do not disturb has no rules of its own</source>
        <translation>„Nicht stören“ hat keine eigenen Regeln</translation>
    </message>
    <message>
        <source>no device has the id &quot;%1&quot;</source>
        <translation>kein Gerät hat die ID „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is managed by your administrator</source>
        <translation>„%1“ wird von Ihrem Administrator verwaltet</translation>
    </message>
    <message>
        <source>Do not disturb is built in and can&apos;t be removed</source>
        <translation>„Nicht stören“ ist eingebaut und lässt sich nicht entfernen</translation>
    </message>
    <message>
        <source>the profile is active: switch to another one before removing it</source>
        <translation>das Profil ist aktiv: Wechseln Sie zu einem anderen, bevor Sie es entfernen</translation>
    </message>
    <message>
        <source>the schedule uses the profile: take it out of the schedule first</source>
        <translation>der Zeitplan verwendet das Profil: Nehmen Sie es zuerst aus dem Zeitplan heraus</translation>
    </message>
</context>
<context>
    <name>ProfileText</name>
    <message>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <source>Standard</source>
        <comment>the profile of a user who has made no others</comment>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1 — until you change it</source>
        <comment>the active profile</comment>
        <translation>%1 – bis Sie es ändern</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>day of the week, time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date, time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 — until %2, then %3</source>
        <comment>active profile, when it ends, the next profile</comment>
        <translation>%1 – bis %2, danach %3</translation>
    </message>
    <message>
        <source>Chosen by your schedule</source>
        <translation>Von Ihrem Zeitplan gewählt</translation>
    </message>
    <message>
        <source>Chosen by you</source>
        <translation>Von Ihnen gewählt</translation>
    </message>
    <message>
        <source>Chosen by your administrator</source>
        <translation>Von Ihrem Administrator gewählt</translation>
    </message>
    <message>
        <source>%1 reach nobody</source>
        <comment>calls of a kind, under Do not disturb</comment>
        <translation>%1 erreichen niemanden</translation>
    </message>
    <message>
        <source>%1 go to voicemail</source>
        <comment>calls of a kind</comment>
        <translation>%1 gehen an die Mailbox</translation>
    </message>
    <message>
        <source>%1 go to %2</source>
        <comment>calls of a kind, a number</comment>
        <translation>%1 gehen an %2</translation>
    </message>
    <message>
        <source>%1 are hung up</source>
        <comment>calls of a kind</comment>
        <translation>%1 werden beendet</translation>
    </message>
    <message>
        <source>None of your phones rings: %1.</source>
        <comment>where the calls go</comment>
        <translation>Keines Ihrer Telefone läutet: %1.</translation>
    </message>
    <message>
        <source>Only the phones your administrator manages ring (%1); when they aren&apos;t answered, %2.</source>
        <translation>Nur die Telefone, die Ihr Administrator verwaltet, läuten (%1). Nimmt dort niemand ab: %2.</translation>
    </message>
</context>
<context>
    <name>ProfileTray</name>
    <message>
        <source>FollowMe: %1</source>
        <translation>FollowMe: %1</translation>
    </message>
    <message>
        <source>Show FollowMe</source>
        <translation>FollowMe anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <source>The server did not accept the new values for “%1”; the change to %2 was undone.</source>
        <translation>Der Server hat die neuen Werte für „%1“ nicht angenommen; die Änderung bei %2 wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Your administrator has locked “%1”; the change to %2 was undone.</source>
        <translation>Ihr Administrator hat „%1“ gesperrt; die Änderung bei %2 wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>You may not change “%1”; the change to %2 was undone.</source>
        <translation>Sie dürfen „%1“ nicht ändern; die Änderung bei %2 wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>“%1” is no longer one of your devices; the change to %2 was undone.</source>
        <translation>„%1“ gehört nicht mehr zu Ihren Geräten; die Änderung bei %2 wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server cannot make this change to “%1”; the change to %2 was undone.</source>
        <translation>Der Server kann diese Änderung an „%1“ nicht vornehmen; die Änderung bei %2 wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The change to %2 for “%1” was too large for the server and was undone.</source>
        <translation>Die Änderung bei %2 für „%1“ war für den Server zu groß und wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server could not read the change to %2 for “%1”; it was undone.</source>
        <translation>Der Server konnte die Änderung bei %2 für „%1“ nicht lesen; sie wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server no longer accepts your token; the change to %2 for “%1” was undone.</source>
        <translation>Der Server akzeptiert Ihr Token nicht mehr; die Änderung bei %2 für „%1“ wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Too many changes in a short time: the change to %2 for “%1” was undone. Try again in a moment.</source>
        <translation>Zu viele Änderungen in kurzer Zeit: Die Änderung bei %2 für „%1“ wurde rückgängig gemacht. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>“%1” cannot be the device this client controls; your choice was undone.</source>
        <translation>„%1“ kann nicht das Gerät sein, das dieser Client kontrolliert; Ihre Auswahl wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Your administrator decides which device this client controls; your choice of “%1” was undone.</source>
        <translation>Ihr Administrator legt fest, welches Gerät dieser Client kontrolliert; Ihre Auswahl von „%1“ wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>You may not choose “%1” as the device this client controls; your choice was undone.</source>
        <translation>Sie dürfen „%1“ nicht als das Gerät wählen, das dieser Client kontrolliert; Ihre Auswahl wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>“%1” is no longer one of your devices; your choice of the device this client controls was undone.</source>
        <translation>„%1“ gehört nicht mehr zu Ihren Geräten; Ihre Auswahl des Geräts, das dieser Client kontrolliert, wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server cannot let this client control “%1”; your choice was undone.</source>
        <translation>Der Server kann diesen Client „%1“ nicht kontrollieren lassen; Ihre Auswahl wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Your choice of “%1” as the device this client controls was too large for the server and was undone.</source>
        <translation>Ihre Auswahl von „%1“ als das Gerät, das dieser Client kontrolliert, war für den Server zu groß und wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server could not read your choice of “%1” as the device this client controls; it was undone.</source>
        <translation>Der Server konnte Ihre Auswahl von „%1“ als das Gerät, das dieser Client kontrolliert, nicht lesen; sie wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server no longer accepts your token; your choice of “%1” as the device this client controls was undone.</source>
        <translation>Der Server akzeptiert Ihr Token nicht mehr; Ihre Auswahl von „%1“ als das Gerät, das dieser Client kontrolliert, wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Too many changes in a short time: your choice of “%1” as the device this client controls was undone. Try again in a moment.</source>
        <translation>Zu viele Änderungen in kurzer Zeit: Ihre Auswahl von „%1“ als das Gerät, das dieser Client kontrolliert, wurde rückgängig gemacht. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server refused your token.</source>
        <translation>Der Server hat Ihr Token abgelehnt.</translation>
    </message>
    <message>
        <source>The server does not speak this client&apos;s protocol version.</source>
        <translation>Der Server spricht die Protokollversion dieses Clients nicht.</translation>
    </message>
    <message>
        <source>The server asks this client to wait before connecting again.</source>
        <translation>Der Server bittet diesen Client, mit dem nächsten Verbindungsversuch zu warten.</translation>
    </message>
    <message>
        <source>The server turned the connection down.</source>
        <translation>Der Server hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>The server could not save the change to %2 for “%1” just now; FollowMe keeps it and sends it again.</source>
        <translation>Der Server konnte die Änderung bei %2 für „%1“ gerade nicht speichern; FollowMe behält sie und sendet sie erneut.</translation>
    </message>
    <message>
        <source>The server could not save your choice of “%1” as the device this client controls just now; FollowMe keeps it and sends it again.</source>
        <translation>Der Server konnte Ihre Wahl von „%1“ als das Gerät, das dieser Client steuert, gerade nicht speichern; FollowMe behält sie und sendet sie erneut.</translation>
    </message>
    <message>
        <source>The server could not save your change of profiles just now; FollowMe keeps it and tries again.</source>
        <translation>Der Server konnte Ihre Änderung an den Profilen gerade nicht speichern; FollowMe behält sie und versucht es erneut.</translation>
    </message>
    <message>
        <source>The profile “%1” no longer exists; your change was undone.</source>
        <translation>Das Profil „%1“ gibt es nicht mehr; Ihre Änderung wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Your administrator manages this; your change of profiles was undone.</source>
        <translation>Das verwaltet Ihr Administrator; Ihre Änderung an den Profilen wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server no longer accepts your token; your change of profiles was undone.</source>
        <translation>Der Server akzeptiert Ihr Token nicht mehr; Ihre Änderung an den Profilen wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Too many changes in a short time: your change of profiles was undone. Try again in a moment.</source>
        <translation>Zu viele Änderungen in kurzer Zeit: Ihre Änderung an den Profilen wurde rückgängig gemacht. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server did not accept your change of profiles; it was undone.</source>
        <translation>Der Server hat Ihre Änderung an den Profilen nicht angenommen; sie wurde rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>RingTimelineChart</name>
    <message>
        <source>%1 (locked)</source>
        <comment>device name on the timeline axis</comment>
        <translation>%1 (gesp.)</translation>
    </message>
    <message>
        <source>No devices to show</source>
        <translation>Keine Geräte vorhanden</translation>
    </message>
    <message>
        <source>%1 rings from %2 s to %3 s</source>
        <translation>%1 läutet von %2&#xa0;s bis %3&#xa0;s</translation>
    </message>
    <message>
        <source>Managed by your administrator</source>
        <translation>Von Ihrem Administrator verwaltet</translation>
    </message>
    <message>
        <source>No devices</source>
        <translation>Keine Geräte</translation>
    </message>
    <message>
        <source>Seconds after the call arrives</source>
        <translation>Sekunden ab Anrufeingang</translation>
    </message>
    <message>
        <source>Ring timeline</source>
        <translation>Läutzeiten</translation>
    </message>
    <message>
        <source>%1 is switched off (set to ring from %2 s to %3 s)</source>
        <translation>%1 ist ausgeschaltet (eingestellt: läutet von %2&#xa0;s bis %3&#xa0;s)</translation>
    </message>
    <message>
        <source>%d s</source>
        <comment>seconds axis label: keep %d, ASCII only (Qt Charts formats it with printf)</comment>
        <translation>%d s</translation>
    </message>
    <message>
        <source>%1 (!)</source>
        <comment>device name on the timeline axis: it has a warning</comment>
        <translation>%1 (!)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>the focused bar, then the plan</comment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1, rings from %2 s to %3 s</source>
        <comment>the focused bar</comment>
        <translation>%1, läutet von %2&#xa0;s bis %3&#xa0;s</translation>
    </message>
    <message>
        <source>%1, switched off (set to ring from %2 s to %3 s)</source>
        <comment>the focused bar</comment>
        <translation>%1, ausgeschaltet (eingestellt: läutet von %2&#xa0;s bis %3&#xa0;s)</translation>
    </message>
    <message>
        <source>%1, managed by your administrator</source>
        <comment>the focused bar</comment>
        <translation>%1, von Ihrem Administrator verwaltet</translation>
    </message>
    <message>
        <source>%1, warning: %2</source>
        <comment>the focused bar</comment>
        <translation>%1, Warnung: %2</translation>
    </message>
    <message>
        <source>%1–%2 s</source>
        <comment>the ring window being dragged, in seconds</comment>
        <translation>%1–%2 s</translation>
    </message>
</context>
<context>
    <name>RingWarning</name>
    <message>
        <source>No device rings for these calls: the same as do-not-disturb, callers reach nobody.</source>
        <translation>Für diese Anrufe läutet kein Gerät – wie bei „Nicht stören“ erreichen Anrufer niemanden.</translation>
    </message>
    <message>
        <source>Nothing rings from %1 s to %2 s: the caller waits %3 s with nobody able to answer until %4 starts.</source>
        <translation>Von %1&#xa0;s bis %2&#xa0;s läutet kein Gerät: Der Anrufer wartet %3&#xa0;s, in denen niemand abnehmen kann, bis %4 zu läuten beginnt.</translation>
    </message>
    <message>
        <source>%1 rings for %2 s: after about %3 s its carrier&apos;s voicemail may take the call before anyone else can answer.</source>
        <translation>%1 läutet %2&#xa0;s lang: Nach etwa %3&#xa0;s kann die Mailbox des Netzbetreibers den Anruf übernehmen, bevor jemand anderes abnimmt.</translation>
    </message>
    <message>
        <source>%1 starts at %2 s, only after every other device has stopped at %3 s: callers who hang up before then never reach it.</source>
        <translation>%1 läutet erst ab %2&#xa0;s, nachdem alle anderen Geräte bei %3&#xa0;s aufgehört haben: Anrufer, die vorher auflegen, erreichen dieses Gerät nie.</translation>
    </message>
    <message>
        <source>%1, the device this client controls, is switched off for every kind of call, so it never rings.</source>
        <translation>%1, das von diesem Client kontrollierte Gerät, ist für alle Anrufarten ausgeschaltet und läutet daher nie.</translation>
    </message>
</context>
<context>
    <name>RuleEditCommand</name>
    <message>
        <source>change %1 (%2)</source>
        <translation>Änderung an %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Clear (the default)</source>
        <translation>Löschen (Vorgabe)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <source>&amp;Add exception</source>
        <translation>Ausnahme &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove exception</source>
        <translation>Ausnahme &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;Otherwise:</source>
        <translation>&amp;Sonst:</translation>
    </message>
    <message>
        <source>&amp;Paint with:</source>
        <translation>&amp;Malen mit:</translation>
    </message>
    <message>
        <source>Drag over the week to paint it with the chosen profile (right button: clear). Keyboard: arrow keys move, Space paints, Shift with an arrow paints along, Delete clears.</source>
        <translation>Ziehen Sie mit der Maus über die Woche, um sie mit dem gewählten Profil zu bemalen (rechte Maustaste: löschen). Tastatur: Pfeiltasten bewegen, Leertaste malt, Umschalt mit einer Pfeiltaste malt beim Bewegen, Entf löscht.</translation>
    </message>
    <message>
        <source>&amp;Exceptions (holidays, vacation):</source>
        <translation>&amp;Ausnahmen (Feiertage, Urlaub):</translation>
    </message>
    <message>
        <source>Leave the profile as it is</source>
        <translation>Profil unverändert lassen</translation>
    </message>
    <message>
        <source>e.g. Christmas</source>
        <translation>z.&#xa0;B. Weihnachten</translation>
    </message>
</context>
<context>
    <name>ServerMessage</name>
    <message>
        <source>the server&apos;s message is too large</source>
        <translation>die Nachricht des Servers ist zu groß</translation>
    </message>
    <message>
        <source>a &quot;%1&quot; message without a valid revision</source>
        <translation>eine „%1“-Nachricht ohne gültige Revision</translation>
    </message>
    <message>
        <source>the server&apos;s settings are invalid: %1</source>
        <translation>die Einstellungen des Servers sind ungültig: %1</translation>
    </message>
    <message>
        <source>an ack without a request id</source>
        <translation>eine ack-Nachricht ohne Anfrage-ID</translation>
    </message>
    <message>
        <source>a malformed ruleChanged push</source>
        <translation>eine fehlerhafte ruleChanged-Push-Nachricht</translation>
    </message>
    <message>
        <source>a malformed controlledDeviceChanged push</source>
        <translation>eine fehlerhafte controlledDeviceChanged-Push-Nachricht</translation>
    </message>
    <message>
        <source>an unknown message type &quot;%1&quot;</source>
        <translation>ein unbekannter Nachrichtentyp „%1“</translation>
    </message>
    <message>
        <source>the server sent something that is not valid JSON: %1</source>
        <translation>der Server hat etwas gesendet, das kein gültiges JSON ist: %1</translation>
    </message>
    <message>
        <source>a message without a type</source>
        <translation>eine Nachricht ohne Typ</translation>
    </message>
    <message>
        <source>a snapshot without a valid user</source>
        <translation>ein Snapshot ohne gültigen Benutzer</translation>
    </message>
    <message>
        <source>a ruleChanged push with an invalid rule: %1</source>
        <translation>eine ruleChanged-Nachricht mit ungültiger Regel: %1</translation>
    </message>
    <message>
        <source>a push with an invalid change record: %1</source>
        <translation>eine Push-Nachricht mit ungültigem Änderungseintrag: %1</translation>
    </message>
    <message>
        <source>a snapshot whose recentChanges is not an array</source>
        <translation>ein Snapshot, dessen recentChanges kein Array ist</translation>
    </message>
    <message>
        <source>a snapshot with an invalid change record: %1</source>
        <translation>ein Snapshot mit ungültigem Änderungseintrag: %1</translation>
    </message>
</context>
<context>
    <name>ServerMessageCheck</name>
    <message>
        <source>revision %1 came after revision %2: the changes in between never arrived</source>
        <translation>Revision %1 kam nach Revision %2: die Änderungen dazwischen sind nie angekommen</translation>
    </message>
    <message>
        <source>a change of revision %1 after revision %2</source>
        <translation>eine Änderung mit Revision %1 nach Revision %2</translation>
    </message>
    <message>
        <source>a revision below 1</source>
        <translation>eine Revision unter 1</translation>
    </message>
    <message>
        <source>a message before the snapshot</source>
        <translation>eine Nachricht vor dem Snapshot</translation>
    </message>
    <message>
        <source>a snapshot of revision %1 after revision %2</source>
        <translation>ein Snapshot mit Revision %1 nach Revision %2</translation>
    </message>
    <message>
        <source>a rule for &quot;%1&quot;, which is not one of the user&apos;s devices</source>
        <translation>eine Regel für „%1“, das keines der Geräte des Benutzers ist</translation>
    </message>
</context>
<context>
    <name>SettingsCodec</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>not saved, the settings are invalid: %1</source>
        <translation>nicht gespeichert, die Einstellungen sind ungültig: %1</translation>
    </message>
    <message>
        <source>is required but missing</source>
        <translation>ist erforderlich, fehlt aber</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be a string or null</source>
        <translation>muss eine Zeichenkette oder null sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>%1 is far outside the allowed range</source>
        <translation>%1 liegt weit außerhalb des erlaubten Bereichs</translation>
    </message>
    <message>
        <source>must be a whole number of seconds</source>
        <translation>muss eine ganze Zahl von Sekunden sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known device kind</source>
        <translation>„%1“ ist keine bekannte Geräteart</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known call kind</source>
        <translation>„%1“ ist keine bekannte Anrufart</translation>
    </message>
    <message>
        <source>the document is %1 bytes, more than the limit of %2 bytes</source>
        <translation>das Dokument ist %1 Bytes groß und überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>version %1 is not supported; this FollowMe reads version %2</source>
        <translation>Version %1 wird nicht unterstützt; dieses FollowMe liest Version %2</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <source>%1 devices are more than the limit of %2</source>
        <translation>%1 Geräte überschreiten die Grenze von %2</translation>
    </message>
    <message>
        <source>%1 s is outside the allowed %2–%3 s</source>
        <translation>%1&#xa0;s liegt außerhalb des erlaubten Bereichs von %2–%3&#xa0;s</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>may only hold the letters a–z and A–Z, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;</source>
        <translation>darf nur die Buchstaben a–z und A–Z, Ziffern, „-“, „_“ und „.“ enthalten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of %2</source>
        <translation>„%1“ ist bereits die ID von %2</translation>
    </message>
    <message>
        <source>no device has the id &quot;%1&quot;</source>
        <translation>kein Gerät hat die ID „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an external number, which the client cannot control</source>
        <translation>„%1“ ist eine externe Rufnummer, die der Client nicht kontrollieren kann</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is managed by your administrator</source>
        <translation>„%1“ wird von Ihrem Administrator verwaltet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known action; use &quot;voicemail&quot;, &quot;number&quot; or &quot;hangup&quot;</source>
        <translation>„%1“ ist keine bekannte Aktion; verwenden Sie „voicemail“, „number“ oder „hangup“</translation>
    </message>
    <message>
        <source>only the action &quot;number&quot; has a number</source>
        <translation>nur die Aktion „number“ hat eine Rufnummer</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDocument</name>
    <message>
        <source>Do not disturb is on: turn it off to change the plan</source>
        <translation>„Nicht stören“ ist eingeschaltet: Schalten Sie es aus, um den Plan zu ändern</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>FollowMe Settings</source>
        <translation>FollowMe-Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>FollowMe</source>
        <translation>FollowMe</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>About FollowMe</source>
        <translation>Über FollowMe</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FollowMe %1&lt;/h3&gt;&lt;p&gt;Choose which of your phones ring for an incoming call, when they start and how long they ring.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FollowMe %1&lt;/h3&gt;&lt;p&gt;Legen Sie fest, welche Ihrer Telefone bei einem eingehenden Anruf läuten, wann sie beginnen und wie lange.&lt;/p&gt;&lt;p&gt;Freie Software unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About FollowMe</source>
        <translation>Ü&amp;ber FollowMe</translation>
    </message>
    <message>
        <source>Where the settings come from</source>
        <translation>Woher die Einstellungen stammen</translation>
    </message>
    <message>
        <source>Not saved: %1. Your change is kept and saved as soon as that works.</source>
        <translation>Nicht gespeichert: %1. Ihre Änderung bleibt erhalten und wird gespeichert, sobald das geht.</translation>
    </message>
</context>
<context>
    <name>SnapshotCache</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the cached settings in %1 are damaged: %2</source>
        <translation>die zwischengespeicherten Einstellungen in %1 sind beschädigt: %2</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <source>the client did not connect to %1</source>
        <translation>der Client hat keine Verbindung zu %1 hergestellt</translation>
    </message>
    <message>
        <source>the client did not connect to %1: %2</source>
        <translation>der Client hat keine Verbindung zu %1 hergestellt: %2</translation>
    </message>
    <message>
        <source>connected, but the FollowMe page is not shown</source>
        <translation>verbunden, aber die FollowMe-Seite wird nicht angezeigt</translation>
    </message>
    <message>
        <source>connected, but the FollowMe page was never painted</source>
        <translation>verbunden, aber die FollowMe-Seite wurde nie gezeichnet</translation>
    </message>
    <message>
        <source>no server is set: give one with --server URL</source>
        <translation>kein Server eingestellt: Geben Sie einen mit --server URL an</translation>
    </message>
    <message>
        <source>the server at %1 refused the client: %2</source>
        <translation>der Server unter %1 hat den Client abgewiesen: %2</translation>
    </message>
    <message numerus="yes">
        <source>connected to %1 as %2 (revision %3); the FollowMe page shows %n device(s)</source>
        <translation>
            <numerusform>verbunden mit %1 als %2 (Revision %3); die FollowMe-Seite zeigt %n Gerät</numerusform>
            <numerusform>verbunden mit %1 als %2 (Revision %3); die FollowMe-Seite zeigt %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>connected, but the FollowMe page does not show the server&apos;s settings: %1</source>
        <translation>verbunden, aber die FollowMe-Seite zeigt nicht die Einstellungen des Servers: %1</translation>
    </message>
    <message>
        <source>the server sent no devices</source>
        <translation>der Server hat keine Geräte gesendet</translation>
    </message>
    <message>
        <source>the device list has %1 rows for %2 devices</source>
        <translation>die Geräteliste hat %1 Zeilen für %2 Geräte</translation>
    </message>
    <message>
        <source>the timeline has %1 bars for %2 devices</source>
        <translation>die Zeitleiste hat %1 Balken für %2 Geräte</translation>
    </message>
    <message>
        <source>the row of %1 shows other values</source>
        <translation>die Zeile von %1 zeigt andere Werte</translation>
    </message>
</context>
<context>
    <name>StrictJson</name>
    <message>
        <source>arrays and objects are nested more than %1 deep</source>
        <translation>Arrays und Objekte sind tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>the member &quot;%1&quot; appears more than once</source>
        <translation>das Element „%1“ kommt mehr als einmal vor</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8</source>
        <translation>der Text ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>a string holds a raw control character; write it as an escape such as \n or \u0001</source>
        <translation>eine Zeichenkette enthält ein rohes Steuerzeichen; schreiben Sie es als Escape-Sequenz wie \n oder \u0001</translation>
    </message>
    <message>
        <source>a string is not valid: an unknown escape, an unpaired surrogate or a missing closing quote</source>
        <translation>eine Zeichenkette ist ungültig: eine unbekannte Escape-Sequenz, ein ungepaartes Surrogat oder ein fehlendes schließendes Anführungszeichen</translation>
    </message>
    <message>
        <source>a number is not valid, or beyond what 64-bit integers and doubles hold</source>
        <translation>eine Zahl ist ungültig oder größer, als 64-Bit-Ganzzahlen und Gleitkommazahlen (double) fassen</translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation>der Text ist leer</translation>
    </message>
    <message>
        <source>a value is not valid JSON (true, false and null are lower case)</source>
        <translation>ein Wert ist kein gültiges JSON (true, false und null werden kleingeschrieben)</translation>
    </message>
    <message>
        <source>the text is not valid JSON (a brace, bracket, comma, colon or quote is missing or out of place)</source>
        <translation>der Text ist kein gültiges JSON (eine Klammer, ein Komma, ein Doppelpunkt oder ein Anführungszeichen fehlt oder steht falsch)</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>kein Speicher mehr frei</translation>
    </message>
    <message>
        <source>the text must be a JSON object</source>
        <translation>der Text muss ein JSON-Objekt sein</translation>
    </message>
</context>
<context>
    <name>SyncLink</name>
    <message>
        <source>The server stopped answering.</source>
        <translation>Der Server antwortet nicht mehr.</translation>
    </message>
    <message>
        <source>Enter the server address and your token to connect.</source>
        <translation>Geben Sie die Serveradresse und Ihr Token ein, um die Verbindung herzustellen.</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message numerus="yes">
        <source>%n unsent change(s) for %1 were dropped: they were meant for that server.</source>
        <translation>
            <numerusform>%n nicht gesendete Änderung für %1 wurde verworfen: Sie war für jenen Server bestimmt.</numerusform>
            <numerusform>%n nicht gesendete Änderungen für %1 wurden verworfen: Sie waren für jenen Server bestimmt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No device</source>
        <translation>Kein Gerät</translation>
    </message>
    <message>
        <source>Your change to %1 was dropped: the device is no longer yours.</source>
        <translation>Ihre Änderung an %1 wurde verworfen: Das Gerät gehört nicht mehr Ihnen.</translation>
    </message>
    <message>
        <source>Your change to %1 was dropped: your administrator now manages this device.</source>
        <translation>Ihre Änderung an %1 wurde verworfen: Ihr Administrator verwaltet dieses Gerät jetzt.</translation>
    </message>
    <message numerus="yes">
        <source>%n unsent change(s) were dropped: they were made as another user.</source>
        <translation>
            <numerusform>%n nicht gesendete Änderung wurde verworfen: Sie wurde als anderer Benutzer vorgenommen.</numerusform>
            <numerusform>%n nicht gesendete Änderungen wurden verworfen: Sie wurden als anderer Benutzer vorgenommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your unsent changes could not be saved on this computer: %1. They are kept and saved as soon as that works.</source>
        <translation>Ihre noch nicht gesendeten Änderungen ließen sich auf diesem Computer nicht speichern: %1. Sie bleiben erhalten und werden gespeichert, sobald das geht.</translation>
    </message>
    <message>
        <source>a change of revision %1 this client no longer had</source>
        <translation>eine Änderung mit Revision %1, die dieser Client nicht mehr hatte</translation>
    </message>
    <message>
        <source>a change of profiles without its snapshot</source>
        <translation>eine Änderung an den Profilen ohne zugehörigen Snapshot</translation>
    </message>
</context>
<context>
    <name>TimelineAxisHeader</name>
    <message>
        <source>%1 s</source>
        <comment>a seconds label above the timeline</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Seconds after the call arrives</source>
        <translation>Sekunden ab Anrufeingang</translation>
    </message>
</context>
<context>
    <name>TimelineDecorations</name>
    <message>
        <source>→ voicemail</source>
        <translation>→ Mailbox</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>→ call ends</source>
        <translation>→ Anruf endet</translation>
    </message>
</context>
<context>
    <name>TimelineExporter</name>
    <message>
        <source>%1: the output must end in .png or .svg</source>
        <translation>%1: Die Ausgabedatei muss auf .png oder .svg enden</translation>
    </message>
    <message>
        <source>%1: the image could not be rendered</source>
        <translation>%1: Das Bild konnte nicht erzeugt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>FollowMe ring timeline: %1</source>
        <translation>FollowMe-Läutzeiten: %1</translation>
    </message>
    <message>
        <source>%1: an image of %2×%3 pixels is too small to read this plan; it needs at least %4×%5.</source>
        <translation>%1: Ein Bild mit %2×%3 Pixeln ist zu klein, um diesen Plan zu lesen; es braucht mindestens %4×%5.</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>Key</source>
        <translation>Legende</translation>
    </message>
</context>
<context>
    <name>TimelineStyle</name>
    <message>
        <source>Rings</source>
        <translation>Läutet</translation>
    </message>
    <message>
        <source>Rings (locked)</source>
        <translation>Läutet (gesperrt)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Off (locked)</source>
        <translation>Aus (gesperrt)</translation>
    </message>
    <message>
        <source>Has a warning</source>
        <translation>Mit Warnung</translation>
    </message>
    <message>
        <source>Nothing rings</source>
        <translation>Nichts läutet</translation>
    </message>
    <message>
        <source>Ringing now</source>
        <translation>Läutet gerade</translation>
    </message>
</context>
<context>
    <name>TokenFile</name>
    <message>
        <source>%1 can&apos;t be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>%1 can&apos;t be removed: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>%1 can&apos;t be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>UserFolders</name>
    <message>
        <source>%1 can&apos;t be made yours alone</source>
        <translation>%1 lässt sich nicht auf Sie allein beschränken</translation>
    </message>
</context>
<context>
    <name>WebSocketClient</name>
    <message>
        <source>The server&apos;s answer to the WebSocket handshake is too long.</source>
        <translation>Die Antwort des Servers auf den WebSocket-Handshake ist zu lang.</translation>
    </message>
    <message>
        <source>The server refused the WebSocket handshake: %1</source>
        <translation>Der Server hat den WebSocket-Handshake abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a WebSocket handshake.</source>
        <translation>Die Antwort des Servers ist kein WebSocket-Handshake.</translation>
    </message>
    <message>
        <source>The server sent a WebSocket frame with reserved bits set.</source>
        <translation>Der Server hat einen WebSocket-Frame mit gesetzten reservierten Bits gesendet.</translation>
    </message>
    <message>
        <source>The server sent a masked WebSocket frame.</source>
        <translation>Der Server hat einen maskierten WebSocket-Frame gesendet.</translation>
    </message>
    <message>
        <source>The server sent an invalid WebSocket frame.</source>
        <translation>Der Server hat einen ungültigen WebSocket-Frame gesendet.</translation>
    </message>
    <message>
        <source>The server sent a message larger than %1 MiB.</source>
        <translation>Der Server hat eine Nachricht gesendet, die größer als %1 MiB ist.</translation>
    </message>
    <message>
        <source>The server sent an invalid WebSocket close frame.</source>
        <translation>Der Server hat einen ungültigen WebSocket-Close-Frame gesendet.</translation>
    </message>
    <message>
        <source>The server continued a WebSocket message it never began.</source>
        <translation>Der Server hat eine WebSocket-Nachricht fortgesetzt, die er nie begonnen hat.</translation>
    </message>
    <message>
        <source>The server began a WebSocket message inside another.</source>
        <translation>Der Server hat eine WebSocket-Nachricht innerhalb einer anderen begonnen.</translation>
    </message>
    <message>
        <source>The server sent a text message that is not valid UTF-8.</source>
        <translation>Der Server hat eine Textnachricht gesendet, die kein gültiges UTF-8 ist.</translation>
    </message>
</context>
<context>
    <name>WeekSchedule</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone FollowMe knows</source>
        <translation>„%1“ ist keine Zeitzone, die FollowMe kennt</translation>
    </message>
    <message>
        <source>a schedule needs a time zone, such as Europe/Berlin</source>
        <translation>ein Zeitplan braucht eine Zeitzone, etwa Europe/Berlin</translation>
    </message>
    <message>
        <source>a week holds at most %1 ranges</source>
        <translation>eine Woche enthält höchstens %1 Zeiträume</translation>
    </message>
    <message>
        <source>a schedule holds at most %1 exceptions</source>
        <translation>ein Zeitplan enthält höchstens %1 Ausnahmen</translation>
    </message>
    <message>
        <source>%1 is not a day of the week</source>
        <translation>%1 ist kein Wochentag</translation>
    </message>
    <message>
        <source>the range %1 ends before it starts</source>
        <translation>der Zeitraum %1 endet, bevor er beginnt</translation>
    </message>
    <message>
        <source>the range %1 names no profile</source>
        <translation>für den Zeitraum %1 ist kein Profil angegeben</translation>
    </message>
    <message>
        <source>the ranges %1 and %2 overlap</source>
        <translation>die Zeiträume %1 und %2 überschneiden sich</translation>
    </message>
    <message>
        <source>the exception %1 ends before it starts</source>
        <translation>die Ausnahme %1 endet, bevor sie beginnt</translation>
    </message>
    <message>
        <source>the exception %1 names no profile</source>
        <translation>für die Ausnahme %1 ist kein Profil angegeben</translation>
    </message>
    <message>
        <source>the exceptions %1 and %2 overlap</source>
        <translation>die Ausnahmen %1 und %2 überschneiden sich</translation>
    </message>
    <message>
        <source>%1 %2–%3</source>
        <translation>%1 %2–%3</translation>
    </message>
</context>
<context>
    <name>WeekScheduleGrid</name>
    <message>
        <source>Week schedule</source>
        <translation>Wochenplan</translation>
    </message>
    <message>
        <source>left as it is</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>%1 (the default)</source>
        <translation>%1 (Vorgabe)</translation>
    </message>
    <message>
        <source>%1 %2–%3: %4</source>
        <comment>day, from, to, profile</comment>
        <translation>%1 %2–%3: %4</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>see followme --help</source>
        <translation>siehe followme --help</translation>
    </message>
    <message>
        <source>FollowMe</source>
        <translation>FollowMe</translation>
    </message>
    <message>
        <source>The settings in %1 can&apos;t be opened, and the file was left as it is:
%2</source>
        <translation>Die Einstellungen in %1 lassen sich nicht öffnen; die Datei bleibt unverändert:
%2</translation>
    </message>
    <message>
        <source>Your last changes could not be saved to %1:
%2</source>
        <translation>Ihre letzten Änderungen konnten nicht in %1 gespeichert werden:
%2</translation>
    </message>
    <message>
        <source>startup check failed: %1</source>
        <translation>Startprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>followme: startup check passed: %1</source>
        <translation>followme: Startprüfung bestanden: %1</translation>
    </message>
</context>
</TS>
