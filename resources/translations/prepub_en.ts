<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdultsDialog</name>
    <message numerus="yes">
        <source>The age estimate flags %n face(s) as possible children. Tick only the people you know are 18 or older; anyone left unticked stays flagged.</source>
        <translation>
            <numerusform>The age estimate flags %n face as a possible child. Tick only the people you know are 18 or older; anyone left unticked stays flagged.</numerusform>
            <numerusform>The age estimate flags %n faces as possible children. Tick only the people you know are 18 or older; anyone left unticked stays flagged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n adult(s)</source>
        <translation>
            <numerusform>Confirm %n adult</numerusform>
            <numerusform>Confirm %n adults</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaceBulk</name>
    <message numerus="yes">
        <source>Mark %n unknown face(s) as not identifiable?</source>
        <translation>
            <numerusform>Mark %n unknown face as not identifiable?</numerusform>
            <numerusform>Mark %n unknown faces as not identifiable?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n unknown face(s) on export?</source>
        <translation>
            <numerusform>Blur %n unknown face on export?</numerusform>
            <numerusform>Blur %n unknown faces on export?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n face(s) on export?</source>
        <translation>
            <numerusform>Blur %n face on export?</numerusform>
            <numerusform>Blur %n faces on export?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They are in %n photo(s).</source>
        <translation>
            <numerusform>It is in %n photo.</numerusform>
            <numerusform>They are in %n photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren) are left for you to decide: a child marked not identifiable still blocks the export, so blur them or say who they are.</source>
        <translation>
            <numerusform>%n possible child is left for you to decide: a child marked not identifiable still blocks the export, so blur the face or say who it is.</numerusform>
            <numerusform>%n possible children are left for you to decide: a child marked not identifiable still blocks the export, so blur them or say who they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) marked not identifiable.</source>
        <translation>
            <numerusform>%n face marked not identifiable.</numerusform>
            <numerusform>%n faces marked not identifiable.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) blurred on export.</source>
        <translation>
            <numerusform>%n face blurred on export.</numerusform>
            <numerusform>%n faces blurred on export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren) left to decide.</source>
        <translation>
            <numerusform>%n possible child left to decide.</numerusform>
            <numerusform>%n possible children left to decide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n face(s) as adults</source>
        <translation>
            <numerusform>Confirm %n face as an adult</numerusform>
            <numerusform>Confirm %n faces as adults</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) confirmed as adults.</source>
        <translation>
            <numerusform>%n face confirmed as an adult.</numerusform>
            <numerusform>%n faces confirmed as adults.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only possible children are undecided (%n): blur them or say who they are.</source>
        <translation>
            <numerusform>Only a possible child is undecided (%n): blur the face or say who it is.</numerusform>
            <numerusform>Only possible children are undecided (%n): blur them or say who they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n face(s) not identifiable</source>
        <translation>
            <numerusform>Mark %n face not identifiable</numerusform>
            <numerusform>Mark %n faces not identifiable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n face(s)</source>
        <translation>
            <numerusform>Blur %n face</numerusform>
            <numerusform>Blur %n faces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingGroups</name>
    <message numerus="yes">
        <source>%n photo(s) lack a photographer</source>
        <translation>
            <numerusform>%n photo lacks a photographer</numerusform>
            <numerusform>%n photos lack a photographer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack their context (what, where, when)</source>
        <translation>
            <numerusform>%n photo lacks its context (what, where, when)</numerusform>
            <numerusform>%n photos lack their context (what, where, when)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have no source</source>
        <translation>
            <numerusform>%n photo has no source</numerusform>
            <numerusform>%n photos have no source</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack a licence</source>
        <translation>
            <numerusform>%n photo lacks a licence</numerusform>
            <numerusform>%n photos lack a licence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack alt text</source>
        <translation>
            <numerusform>%n photo lacks alt text</numerusform>
            <numerusform>%n photos lack alt text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have too long an alt text</source>
        <translation>
            <numerusform>%n photo has too long an alt text</numerusform>
            <numerusform>%n photos have too long an alt text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alt text(s) start with “photo of”</source>
        <translation>
            <numerusform>%n alt text starts with “photo of”</numerusform>
            <numerusform>%n alt texts start with “photo of”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are from an ongoing trip</source>
        <translation>
            <numerusform>%n photo is from an ongoing trip</numerusform>
            <numerusform>%n photos are from an ongoing trip</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have usage terms to read</source>
        <translation>
            <numerusform>%n photo has usage terms to read</numerusform>
            <numerusform>%n photos have usage terms to read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) cannot be read</source>
        <translation>
            <numerusform>%n photo cannot be read</numerusform>
            <numerusform>%n photos cannot be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have damaged metadata</source>
        <translation>
            <numerusform>%n photo has damaged metadata</numerusform>
            <numerusform>%n photos have damaged metadata</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) may be damaged</source>
        <translation>
            <numerusform>%n photo may be damaged</numerusform>
            <numerusform>%n photos may be damaged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) carry a GPS position (removed on export)</source>
        <translation>
            <numerusform>%n photo carries a GPS position (removed on export)</numerusform>
            <numerusform>%n photos carry a GPS position (removed on export)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) not checked yet</source>
        <translation>
            <numerusform>%n photo not checked yet</numerusform>
            <numerusform>%n photos not checked yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) do not fit a channel&apos;s shape</source>
        <translation>
            <numerusform>%n photo does not fit a channel&apos;s shape</numerusform>
            <numerusform>%n photos do not fit a channel&apos;s shape</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown face(s)</source>
        <translation>
            <numerusform>%n unknown face</numerusform>
            <numerusform>%n unknown faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undecided face(s) in crowds</source>
        <translation>
            <numerusform>%n undecided face in crowds</numerusform>
            <numerusform>%n undecided faces in crowds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren)</source>
        <translation>
            <numerusform>%n possible child</numerusform>
            <numerusform>%n possible children</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) without a valid consent</source>
        <translation>
            <numerusform>%n face without a valid consent</numerusform>
            <numerusform>%n faces without a valid consent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) need a guardian&apos;s consent</source>
        <translation>
            <numerusform>%n face needs a guardian&apos;s consent</numerusform>
            <numerusform>%n faces need a guardian&apos;s consent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) blurred on export</source>
        <translation>
            <numerusform>%n face blurred on export</numerusform>
            <numerusform>%n faces blurred on export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n photo(s)</source>
        <translation>
            <numerusform>in %n photo</numerusform>
            <numerusform>in %n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message numerus="yes">
        <source>%n blocking</source>
        <translation>
            <numerusform>%n blocking</numerusform>
            <numerusform>%n blocking</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n to check</numerusform>
            <numerusform>%n to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>%n thing(s) block the export</source>
        <translation>
            <numerusform>%n thing blocks the export</numerusform>
            <numerusform>%n things block the export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n to check</numerusform>
            <numerusform>%n to check</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing blocks. %n thing(s) to check.</source>
        <translation>
            <numerusform>Nothing blocks. %n thing to check.</numerusform>
            <numerusform>Nothing blocks. %n things to check.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message numerus="yes">
        <source>%n photos selected</source>
        <translation>
            <numerusform>%n photo selected</numerusform>
            <numerusform>%n photos selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message numerus="yes">
        <source>%n thing(s) block this photo</source>
        <translation>
            <numerusform>%n thing blocks this photo</numerusform>
            <numerusform>%n things block this photo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check in this photo</source>
        <translation>
            <numerusform>%n thing to check in this photo</numerusform>
            <numerusform>%n things to check in this photo</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n thing(s) block the export. See the list on the right.</source>
        <translation>
            <numerusform>%n thing blocks the export. See the list on the right.</numerusform>
            <numerusform>%n things block the export. See the list on the right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed from the post. Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>%n photo removed from the post. Undo with Ctrl+Z.</numerusform>
            <numerusform>%n photos removed from the post. Undo with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostSession</name>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation>
            <numerusform>Add %n photo</numerusform>
            <numerusform>Add %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>Remove %n photo</numerusform>
            <numerusform>Remove %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change %1 on %n photos</source>
        <translation>
            <numerusform>Change %1 on %n photo</numerusform>
            <numerusform>Change %1 on %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decide %n faces</source>
        <translation>
            <numerusform>Decide %n face</numerusform>
            <numerusform>Decide %n faces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistryWindow</name>
    <message numerus="yes">
        <source>%n reference photo(s)</source>
        <translation>
            <numerusform>%n reference photo</numerusform>
            <numerusform>%n reference photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s)</source>
        <translation>
            <numerusform>%n consent</numerusform>
            <numerusform>%n consents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guardian(s)</source>
        <translation>
            <numerusform>%n guardian</numerusform>
            <numerusform>%n guardians</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) withdrawn as the sheet says.</source>
        <translation>
            <numerusform>%n consent withdrawn as the sheet says.</numerusform>
            <numerusform>%n consents withdrawn as the sheet says.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) were not applied because a later withdrawal here stands.</source>
        <translation>
            <numerusform>%n consent was not applied because a later withdrawal here stands.</numerusform>
            <numerusform>%n consents were not applied because a later withdrawal here stands.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check:</source>
        <translation>
            <numerusform>%n thing to check:</numerusform>
            <numerusform>%n things to check:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message numerus="yes">
        <source>Offline: what you log is kept on this laptop and sent when the team registry answers. %n entry(ies) waiting to sync.</source>
        <translation>
            <numerusform>Offline: what you log is kept on this laptop and sent when the team registry answers. %n entry waiting to sync.</numerusform>
            <numerusform>Offline: what you log is kept on this laptop and sent when the team registry answers. %n entries waiting to sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n entry(ies) to the team registry…</source>
        <translation>
            <numerusform>Sending %n entry to the team registry…</numerusform>
            <numerusform>Sending %n entries to the team registry…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shoot(s) waiting to sync.</source>
        <translation>
            <numerusform>%n shoot waiting to sync.</numerusform>
            <numerusform>%n shoots waiting to sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) waiting to sync.</source>
        <translation>
            <numerusform>%n entry waiting to sync.</numerusform>
            <numerusform>%n entries waiting to sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the team registry: %n new record(s).</source>
        <translation>
            <numerusform>Sent to the team registry: %n new record.</numerusform>
            <numerusform>Sent to the team registry: %n new records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) were not sent because the team registry holds a later withdrawal.</source>
        <translation>
            <numerusform>%n consent was not sent because the team registry holds a later withdrawal.</numerusform>
            <numerusform>%n consents were not sent because the team registry holds a later withdrawal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check:</source>
        <translation>
            <numerusform>%n thing to check:</numerusform>
            <numerusform>%n things to check:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamLink</name>
    <message numerus="yes">
        <source>Offline: using the copy of the team registry from %1 (%n hour(s) old). Changes made since then are not in it; Prepub connects again when the server answers.</source>
        <translation>
            <numerusform>Offline: using the copy of the team registry from %1 (%n hour old). Changes made since then are not in it; Prepub connects again when the server answers.</numerusform>
            <numerusform>Offline: using the copy of the team registry from %1 (%n hours old). Changes made since then are not in it; Prepub connects again when the server answers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateButton</name>
    <message numerus="yes">
        <source>Template “%1” applied to %n photo(s).</source>
        <translation>
            <numerusform>Template “%1” applied to %n photo.</numerusform>
            <numerusform>Template “%1” applied to %n photos.</numerusform>
        </translation>
    </message>
</context>
</TS>
