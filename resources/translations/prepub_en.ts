<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</TS>
