<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;Nytt inlägg</translation>
    </message>
    <message>
        <source>&amp;Open post…</source>
        <translation>&amp;Öppna inlägg…</translation>
    </message>
    <message>
        <source>&amp;Save post</source>
        <translation>&amp;Spara inlägg</translation>
    </message>
    <message>
        <source>Save post &amp;as…</source>
        <translation>Spara inlägg &amp;som…</translation>
    </message>
    <message>
        <source>Add &amp;images…</source>
        <translation>Lägg till &amp;bilder…</translation>
    </message>
    <message>
        <source>Add photos or a folder of photos</source>
        <translation>Lägg till foton eller en mapp med foton</translation>
    </message>
    <message>
        <source>Load post &amp;text from a file…</source>
        <translation>Hämta inläggets &amp;text från en fil…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <source>Export clean photos, texts and scheduling files</source>
        <translation>Exportera rensade foton, texter och filer för schemaläggning</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>&amp;Nästa bild</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>&amp;Föregående bild</translation>
    </message>
    <message>
        <source>Go to next &amp;problem</source>
        <translation>Gå till nästa &amp;problem</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zooma &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zooma &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Anpassa till fönstret</translation>
    </message>
    <message>
        <source>&amp;Remove selected images from post</source>
        <translation>&amp;Ta bort valda bilder från inlägget</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Apply the text suggestion</source>
        <translation>&amp;Använd textförslaget</translation>
    </message>
    <message>
        <source>Apply the suggested fix at the cursor in the post text, or go to the next suggestion</source>
        <translation>Använd förslaget vid markören i inläggets text, eller gå till nästa förslag</translation>
    </message>
    <message>
        <source>Mark unknown faces &amp;not identifiable…</source>
        <translation>Markera okända ansikten som &amp;ej identifierbara…</translation>
    </message>
    <message>
        <source>Every undecided face in the selected photos, except possible children</source>
        <translation>Alla obestämda ansikten i de valda bilderna, utom möjliga barn</translation>
    </message>
    <message>
        <source>&amp;Blur unknown faces…</source>
        <translation>&amp;Sudda okända ansikten…</translation>
    </message>
    <message>
        <source>Blur every undecided face in the selected photos on export</source>
        <translation>Sudda alla obestämda ansikten i de valda bilderna vid export</translation>
    </message>
    <message>
        <source>&amp;Stop checking images</source>
        <translation>&amp;Sluta granska bilder</translation>
    </message>
    <message>
        <source>Consent &amp;registry…</source>
        <translation>Samtyckes&amp;registret…</translation>
    </message>
    <message>
        <source>&amp;Photographer mode…</source>
        <translation>&amp;Fotografläge…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>&amp;About Prepub</source>
        <translation>&amp;Om Prepub</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
</context>
<context>
    <name>AdultsDialog</name>
    <message>
        <source>Confirm adults</source>
        <translation>Bekräfta vuxna</translation>
    </message>
    <message numerus="yes">
        <source>The age estimate flags %n face(s) as possible children. Tick only the people you know are 18 or older; anyone left unticked stays flagged.</source>
        <translation>
            <numerusform>Åldersuppskattningen flaggar %n ansikte som möjligt barn. Kryssa bara i personer du vet är 18 år eller äldre; den som inte är ikryssad förblir flaggad.</numerusform>
            <numerusform>Åldersuppskattningen flaggar %n ansikten som möjliga barn. Kryssa bara i personer du vet är 18 år eller äldre; den som inte är ikryssad förblir flaggad.</numerusform>
        </translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation>(visas inte)</translation>
    </message>
    <message>
        <source>Face %1</source>
        <translation>Ansikte %1</translation>
    </message>
    <message>
        <source>estimated %1</source>
        <translation>uppskattad ålder %1</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n adult(s)</source>
        <translation>
            <numerusform>Bekräfta %n vuxen</numerusform>
            <numerusform>Bekräfta %n vuxna</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Add a consent for %1</source>
        <translation>Lägg till ett samtycke för %1</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanaler:</translation>
    </message>
    <message>
        <source>Our communication in social media and on the website</source>
        <translation>Vår kommunikation i sociala medier och på webbplatsen</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Syfte:</translation>
    </message>
    <message>
        <source>Given on:</source>
        <translation>Lämnat den:</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Gäller till</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Giltighet:</translation>
    </message>
    <message>
        <source>%1 (themselves)</source>
        <translation>%1 (själv)</translation>
    </message>
    <message>
        <source>%1 (guardian)</source>
        <translation>%1 (vårdnadshavare)</translation>
    </message>
    <message>
        <source>Add the child&apos;s guardian first: a child&apos;s consent must be signed by a guardian.</source>
        <translation>Lägg först till barnets vårdnadshavare: ett barns samtycke ska skrivas under av en vårdnadshavare.</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Undertecknat av:</translation>
    </message>
    <message>
        <source>The signed form (PDF or photo)</source>
        <translation>Den undertecknade blanketten (PDF eller foto)</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Underskriven blankett</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Signed form:</source>
        <translation>Undertecknad blankett:</translation>
    </message>
    <message>
        <source>…or a note of a verbal consent: when, where, who heard it</source>
        <translation>…eller en anteckning om ett muntligt samtycke: när, var och vem som hörde det</translation>
    </message>
    <message>
        <source>Or verbal:</source>
        <translation>Eller muntligt:</translation>
    </message>
    <message>
        <source>Logged by:</source>
        <translation>Registrerat av:</translation>
    </message>
    <message>
        <source>The signed consent form</source>
        <translation>Den undertecknade samtyckesblanketten</translation>
    </message>
</context>
<context>
    <name>DraftFiles</name>
    <message>
        <source>Restore unsaved post?</source>
        <translation>Återställa osparat inlägg?</translation>
    </message>
    <message>
        <source>Prepub found a post that was not saved when it last closed. Restore it?</source>
        <translation>Prepub hittade ett inlägg som inte var sparat när programmet stängdes senast. Vill du återställa det?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>The post has changes that are not saved. Save them first?</source>
        <translation>Inlägget har ändringar som inte är sparade. Vill du spara dem först?</translation>
    </message>
    <message>
        <source>Open a post</source>
        <translation>Öppna ett inlägg</translation>
    </message>
    <message>
        <source>Prepub post (*.prepub.json)</source>
        <translation>Prepub-inlägg (*.prepub.json)</translation>
    </message>
    <message>
        <source>Newer autosave found</source>
        <translation>Nyare autosparad version hittad</translation>
    </message>
    <message>
        <source>There is an autosaved version of this post that is newer than the saved file (Prepub may have closed unexpectedly). Use the autosaved version?</source>
        <translation>Det finns en autosparad version av inlägget som är nyare än den sparade filen (Prepub kan ha stängts oväntat). Vill du använda den autosparade versionen?</translation>
    </message>
    <message>
        <source>Save the post</source>
        <translation>Spara inlägget</translation>
    </message>
    <message>
        <source>The post could not be saved: %1</source>
        <translation>Inlägget kunde inte sparas: %1</translation>
    </message>
    <message>
        <source>Prepub</source>
        <translation>Prepub</translation>
    </message>
</context>
<context>
    <name>DropHandler</name>
    <message>
        <source>No photos found in what was dropped.</source>
        <translation>Det fanns inga foton bland det du släppte här.</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Inläggets text</translation>
    </message>
    <message>
        <source>The post already has text. Replace it with the file, or add the file&apos;s text at the end?</source>
        <translation>Inlägget har redan text. Vill du ersätta den med filens text eller lägga till filens text sist?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersätt</translation>
    </message>
    <message>
        <source>Add at the end</source>
        <translation>Lägg till sist</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>photographer</source>
        <extracomment>An image taken out of the draft: (its position, the image with its fields and decisions, its analysis report or None when it was not analysed yet).</extracomment>
        <translation>fotograf</translation>
    </message>
    <message>
        <source>what</source>
        <translation>vad</translation>
    </message>
    <message>
        <source>where</source>
        <translation>var</translation>
    </message>
    <message>
        <source>when</source>
        <translation>när</translation>
    </message>
    <message>
        <source>source</source>
        <translation>källa</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>licens</translation>
    </message>
    <message>
        <source>alt text</source>
        <translation>alt-text</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>bildtext</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Publication time:</source>
        <translation>Publiceringstid:</translation>
    </message>
    <message>
        <source>Publish at</source>
        <translation>Publicera</translation>
    </message>
    <message>
        <source>The time the scheduling tools publish the post. Without one, Publer picks a time itself and the tools that need one are left out.</source>
        <translation>Tiden då schemaläggningsverktygen publicerar inlägget. Utan tid väljer Publer en tid själv, och de verktyg som behöver en tid utelämnas.</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Tidszon: %1</translation>
    </message>
    <message>
        <source>Needs a publication time.</source>
        <translation>Kräver en publiceringstid.</translation>
    </message>
    <message>
        <source>%1 need a publication time: tick “Publish at” and choose one to write their files.</source>
        <translation>%1 kräver en publiceringstid: kryssa i ”Publicera” och välj en tid för att skriva deras filer.</translation>
    </message>
    <message>
        <source>Exported, but not every file you asked for was written. See below which and why.</source>
        <translation>Exporterat, men alla filer du bad om skrevs inte. Se nedan vilka och varför.</translation>
    </message>
    <message>
        <source>✕ Not written: %1</source>
        <translation>✕ Inte skrivna: %1</translation>
    </message>
    <message>
        <source>✓ Written: %1</source>
        <translation>✓ Skrivna: %1</translation>
    </message>
    <message>
        <source>Export the post</source>
        <extracomment>The formats whose files need a publication time (the core leaves them out without one). The tools whose import lets the user choose the date order.</extracomment>
        <translation>Exportera inlägget</translation>
    </message>
    <message>
        <source>Prepub writes clean copies of the photos (no location, no camera data), the text per channel, files for your scheduling tool and a publication record. Your original files are never changed.</source>
        <translation>Prepub skriver rensade kopior av fotona (utan plats och kamerauppgifter), texten för varje kanal, filer för ditt schemaläggningsverktyg och ett publiceringsunderlag. Dina originalfiler ändras aldrig.</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportmapp</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Save in folder:</source>
        <translation>Spara i mappen:</translation>
    </message>
    <message>
        <source>Write one .zip file</source>
        <translation>Skriv en enda .zip-fil</translation>
    </message>
    <message>
        <source>Scheduling files:</source>
        <translation>Filer för schemaläggning:</translation>
    </message>
    <message>
        <source>day/month/year (dd/mm/yyyy)</source>
        <translation>dag/månad/år (dd/mm/åååå)</translation>
    </message>
    <message>
        <source>month/day/year (mm/dd/yyyy)</source>
        <translation>månad/dag/år (mm/dd/åååå)</translation>
    </message>
    <message>
        <source>Choose the date format your account uses in the tool&apos;s import settings.</source>
        <translation>Välj det datumformat som ert konto använder i verktygets importinställningar.</translation>
    </message>
    <message>
        <source>%1 dates:</source>
        <translation>Datum i %1:</translation>
    </message>
    <message>
        <source>Where the website will serve the exported images. Fills the tools&apos; image columns; leave empty to attach the images by hand.</source>
        <translation>Där webbplatsen visar de exporterade bilderna. Fyller verktygens bildkolumner; lämna tomt för att bifoga bilderna för hand.</translation>
    </message>
    <message>
        <source>Public image address:</source>
        <translation>Publik bildadress:</translation>
    </message>
    <message>
        <source>Name the images after the original files</source>
        <translation>Namnge bilderna efter originalfilerna</translation>
    </message>
    <message>
        <source>File names can name people or places; by default the images are named after the post.</source>
        <translation>Filnamn kan avslöja personer eller platser; som standard namnges bilderna efter inlägget.</translation>
    </message>
    <message>
        <source>Name of the person who approved the post</source>
        <translation>Namnet på den som godkände inlägget</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Godkänt av:</translation>
    </message>
    <message>
        <source>Optional, e.g. KS 2026/123</source>
        <translation>Frivilligt, t.ex. KS 2026/123</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>Diarienummer:</translation>
    </message>
    <message>
        <source>Also write the publication record as PDF/A</source>
        <translation>Skriv också publiceringsunderlaget som PDF/A</translation>
    </message>
    <message>
        <source>Export despite these, with a reason</source>
        <translation>Exportera ändå, med en motivering</translation>
    </message>
    <message>
        <source>Your policy lets you export past these checks if you say why. The reason is saved in the publication record.</source>
        <translation>Er policy låter dig exportera trots de här kontrollerna om du anger varför. Motiveringen sparas i publiceringsunderlaget.</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Motivering (krävs)</translation>
    </message>
    <message>
        <source>Reason for exporting despite: %1</source>
        <translation>Skäl att exportera trots: %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Publication time</source>
        <translation>Publiceringstid</translation>
    </message>
    <message>
        <source>%1 reads “%2” as %3</source>
        <translation>%1 läser ”%2” som %3</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>Välj mapp för exporten</translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation>Förbereder exporten…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Writing image %1 of %2…</source>
        <translation>Skriver bild %1 av %2…</translation>
    </message>
    <message>
        <source>Writing the texts and the publication record…</source>
        <translation>Skriver texterna och publiceringsunderlaget…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <source>Files not written</source>
        <translation>Filer som inte skrevs</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>Skrivna filer</translation>
    </message>
    <message>
        <source>Do by hand:</source>
        <translation>Gör själv:</translation>
    </message>
    <message>
        <source>Do by hand</source>
        <translation>Gör för hand</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Öppna mappen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>Exporten avbröts. Ingenting skrevs.</translation>
    </message>
    <message>
        <source>The export failed. Nothing was written.</source>
        <translation>Exporten misslyckades. Ingenting skrevs.</translation>
    </message>
    <message>
        <source>Exported. Everything was checked and written.</source>
        <translation>Exporterat. Allt är kontrollerat och skrivet.</translation>
    </message>
    <message>
        <source>Written to: %1</source>
        <translation>Sparat i: %1</translation>
    </message>
</context>
<context>
    <name>FaceBulk</name>
    <message numerus="yes">
        <source>Mark %n unknown face(s) as not identifiable?</source>
        <translation>
            <numerusform>Markera %n okänt ansikte som ej identifierbart?</numerusform>
            <numerusform>Markera %n okända ansikten som ej identifierbara?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n unknown face(s) on export?</source>
        <translation>
            <numerusform>Sudda %n okänt ansikte vid export?</numerusform>
            <numerusform>Sudda %n okända ansikten vid export?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n face(s) on export?</source>
        <translation>
            <numerusform>Sudda %n ansikte vid export?</numerusform>
            <numerusform>Sudda %n ansikten vid export?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They are in %n photo(s).</source>
        <translation>
            <numerusform>De finns i %n bild.</numerusform>
            <numerusform>De finns i %n bilder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren) are left for you to decide: a child marked not identifiable still blocks the export, so blur them or say who they are.</source>
        <translation>
            <numerusform>%n möjligt barn lämnas åt dig: ett barn som markeras ej identifierbart stoppar ändå exporten, så sudda det eller ange vem det är.</numerusform>
            <numerusform>%n möjliga barn lämnas åt dig: ett barn som markeras ej identifierbart stoppar ändå exporten, så sudda dem eller ange vilka de är.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this (Ctrl+Z).</source>
        <translation>Du kan ångra det (Ctrl+Z).</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) marked not identifiable.</source>
        <translation>
            <numerusform>%n ansikte markerat som ej identifierbart.</numerusform>
            <numerusform>%n ansikten markerade som ej identifierbara.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) blurred on export.</source>
        <translation>
            <numerusform>%n ansikte suddas vid export.</numerusform>
            <numerusform>%n ansikten suddas vid export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren) left to decide.</source>
        <translation>
            <numerusform>%n möjligt barn återstår att besluta om.</numerusform>
            <numerusform>%n möjliga barn återstår att besluta om.</numerusform>
        </translation>
    </message>
    <message>
        <source>No face here is flagged as a possible child.</source>
        <translation>Inget ansikte här är flaggat som möjligt barn.</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n face(s) as adults</source>
        <translation>
            <numerusform>Bekräfta %n ansikte som vuxen</numerusform>
            <numerusform>Bekräfta %n ansikten som vuxna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) confirmed as adults.</source>
        <translation>
            <numerusform>%n ansikte bekräftat som vuxen.</numerusform>
            <numerusform>%n ansikten bekräftade som vuxna.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo with Ctrl+Z.</source>
        <translation>Ångra med Ctrl+Z.</translation>
    </message>
    <message numerus="yes">
        <source>Only possible children are undecided (%n): blur them or say who they are.</source>
        <translation>
            <numerusform>Bara ett möjligt barn är obestämt (%n): sudda det eller ange vem det är.</numerusform>
            <numerusform>Bara möjliga barn är obestämda (%n): sudda dem eller ange vilka de är.</numerusform>
        </translation>
    </message>
    <message>
        <source>No unknown faces to decide.</source>
        <translation>Inga okända ansikten att besluta om.</translation>
    </message>
    <message>
        <source>Decide unknown faces</source>
        <translation>Beslut om okända ansikten</translation>
    </message>
    <message>
        <source>Mark not identifiable</source>
        <translation>Markera ej identifierbara</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>Sudda</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n face(s) not identifiable</source>
        <translation>
            <numerusform>Markera %n ansikte som ej identifierbart</numerusform>
            <numerusform>Markera %n ansikten som ej identifierbara</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n face(s)</source>
        <translation>
            <numerusform>Sudda %n ansikte</numerusform>
            <numerusform>Sudda %n ansikten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacePopup</name>
    <message>
        <source>Face %1 · %2</source>
        <translation>Ansikte %1 · %2</translation>
    </message>
    <message>
        <source>Possibly a child (estimated age %1). A child needs a guardian&apos;s consent, or blur the face.</source>
        <translation>Kanske ett barn (uppskattad ålder %1). Ett barn behöver vårdnadshavares samtycke – annars suddar du ansiktet.</translation>
    </message>
    <message>
        <source>&amp;Who is this?</source>
        <translation>&amp;Vem är det här?</translation>
    </message>
    <message>
        <source>Search the consent registry…</source>
        <translation>Sök i samtyckesregistret…</translation>
    </message>
    <message>
        <source>People in the consent registry</source>
        <translation>Personer i samtyckesregistret</translation>
    </message>
    <message>
        <source>This is the person</source>
        <translation>Det är den här personen</translation>
    </message>
    <message>
        <source>Not identifiable</source>
        <translation>Inte identifierbar</translation>
    </message>
    <message>
        <source>Nobody can recognise this person (back, far away, out of focus).</source>
        <translation>Ingen kan känna igen personen (bakifrån, långt bort, oskarp).</translation>
    </message>
    <message>
        <source>Blur on export</source>
        <translation>Sudda vid export</translation>
    </message>
    <message>
        <source>The face is pixelated in the exported image.</source>
        <translation>Ansiktet pixlas i den exporterade bilden.</translation>
    </message>
    <message>
        <source>I have checked: this person is an adult</source>
        <translation>Jag har kontrollerat: personen är vuxen</translation>
    </message>
    <message>
        <source>Clear the decision</source>
        <translation>Ta bort beslutet</translation>
    </message>
    <message>
        <source>it is still opening</source>
        <translation>det öppnas fortfarande</translation>
    </message>
    <message>
        <source>The consent registry is not available (%1). You can still mark the face not identifiable or blur it.</source>
        <translation>Samtyckesregistret är inte tillgängligt (%1). Du kan ändå markera ansiktet som inte identifierbart eller sudda det.</translation>
    </message>
    <message>
        <source>★ %1 — likely match (distance %2)</source>
        <translation>★ %1 – trolig träff (avstånd %2)</translation>
    </message>
    <message>
        <source>%1 (protected identity)</source>
        <translation>%1 (skyddad identitet)</translation>
    </message>
    <message>
        <source>Nobody in the registry matches. Add the person and their consent in the consent registry (Ctrl+R).</source>
        <translation>Ingen i registret matchar. Lägg till personen och samtycket i samtyckesregistret (Ctrl+R).</translation>
    </message>
    <message>
        <source>Looking for a match among people who agreed to face matching…</source>
        <translation>Letar efter en träff bland dem som godkänt ansiktsmatchning…</translation>
    </message>
    <message>
        <source>Face matching is not available: %1</source>
        <translation>Ansiktsmatchning är inte tillgänglig: %1</translation>
    </message>
    <message>
        <source>Suggestions are only proposals: check before you pick.</source>
        <translation>Förslagen är bara förslag: kontrollera innan du väljer.</translation>
    </message>
    <message>
        <source>No likely match found.</source>
        <translation>Ingen trolig träff hittades.</translation>
    </message>
    <message>
        <source>Remember it in the consent registry too</source>
        <translation>Spara det också i samtyckesregistret</translation>
    </message>
    <message>
        <source>Also remember in the consent registry that %1 is an adult</source>
        <translation>Spara också i samtyckesregistret att %1 är vuxen</translation>
    </message>
</context>
<context>
    <name>FindingDelegate</name>
    <message>
        <source>Go to fix</source>
        <translation>Åtgärda</translation>
    </message>
</context>
<context>
    <name>FindingGroups</name>
    <message numerus="yes">
        <source>%n photo(s) lack a photographer</source>
        <translation>
            <numerusform>%n bild saknar fotograf</numerusform>
            <numerusform>%n bilder saknar fotograf</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack their context (what, where, when)</source>
        <translation>
            <numerusform>%n bild saknar sammanhang (vad, var, när)</numerusform>
            <numerusform>%n bilder saknar sammanhang (vad, var, när)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have no source</source>
        <translation>
            <numerusform>%n bild saknar källa</numerusform>
            <numerusform>%n bilder saknar källa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack a licence</source>
        <translation>
            <numerusform>%n bild saknar licens</numerusform>
            <numerusform>%n bilder saknar licens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack alt text</source>
        <translation>
            <numerusform>%n bild saknar alternativtext</numerusform>
            <numerusform>%n bilder saknar alternativtext</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have too long an alt text</source>
        <translation>
            <numerusform>%n bild har för lång alternativtext</numerusform>
            <numerusform>%n bilder har för lång alternativtext</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alt text(s) start with “photo of”</source>
        <translation>
            <numerusform>%n alternativtext börjar med ”bild på”</numerusform>
            <numerusform>%n alternativtexter börjar med ”bild på”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are from an ongoing trip</source>
        <translation>
            <numerusform>%n bild är från en pågående resa</numerusform>
            <numerusform>%n bilder är från en pågående resa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have usage terms to read</source>
        <translation>
            <numerusform>%n bild har användningsvillkor att läsa</numerusform>
            <numerusform>%n bilder har användningsvillkor att läsa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) cannot be read</source>
        <translation>
            <numerusform>%n bild kan inte läsas</numerusform>
            <numerusform>%n bilder kan inte läsas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have damaged metadata</source>
        <translation>
            <numerusform>%n bild har skadad metadata</numerusform>
            <numerusform>%n bilder har skadad metadata</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) may be damaged</source>
        <translation>
            <numerusform>%n bild kan vara skadad</numerusform>
            <numerusform>%n bilder kan vara skadade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) carry a GPS position (removed on export)</source>
        <translation>
            <numerusform>%n bild innehåller en GPS-position (tas bort vid export)</numerusform>
            <numerusform>%n bilder innehåller en GPS-position (tas bort vid export)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) not checked yet</source>
        <translation>
            <numerusform>%n bild är inte granskad än</numerusform>
            <numerusform>%n bilder är inte granskade än</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) do not fit a channel&apos;s shape</source>
        <translation>
            <numerusform>%n bild passar inte en kanals format</numerusform>
            <numerusform>%n bilder passar inte en kanals format</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown face(s)</source>
        <translation>
            <numerusform>%n okänt ansikte</numerusform>
            <numerusform>%n okända ansikten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undecided face(s) in crowds</source>
        <translation>
            <numerusform>%n obestämt ansikte i folkmassor</numerusform>
            <numerusform>%n obestämda ansikten i folkmassor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren)</source>
        <translation>
            <numerusform>%n möjligt barn</numerusform>
            <numerusform>%n möjliga barn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) without a valid consent</source>
        <translation>
            <numerusform>%n ansikte utan giltigt samtycke</numerusform>
            <numerusform>%n ansikten utan giltigt samtycke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) need a guardian&apos;s consent</source>
        <translation>
            <numerusform>%n ansikte kräver vårdnadshavares samtycke</numerusform>
            <numerusform>%n ansikten kräver vårdnadshavares samtycke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) blurred on export</source>
        <translation>
            <numerusform>%n ansikte suddas vid export</numerusform>
            <numerusform>%n ansikten suddas vid export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n photo(s)</source>
        <translation>
            <numerusform>i %n bild</numerusform>
            <numerusform>i %n bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Set for all</source>
        <translation>Ange för alla</translation>
    </message>
    <message>
        <source>Decide all…</source>
        <translation>Avgör alla…</translation>
    </message>
    <message>
        <source>Blur all…</source>
        <translation>Sudda alla…</translation>
    </message>
    <message>
        <source>Go to fix</source>
        <translation>Åtgärda</translation>
    </message>
    <message>
        <source>%1 · face %2</source>
        <translation>%1 · ansikte %2</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Post text</source>
        <translation>Inläggets text</translation>
    </message>
    <message>
        <source>The post</source>
        <translation>Inlägget</translation>
    </message>
    <message numerus="yes">
        <source>%n blocking</source>
        <translation>
            <numerusform>%n stoppar</numerusform>
            <numerusform>%n stoppar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n att kontrollera</numerusform>
            <numerusform>%n att kontrollera</numerusform>
        </translation>
    </message>
    <message>
        <source>Face %1: %2</source>
        <translation>Ansikte %1: %2</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Show notes</source>
        <translation>Visa noteringar</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Att åtgärda</translation>
    </message>
    <message>
        <source>Add photos and write the post; what needs fixing shows up here.</source>
        <translation>Lägg till foton och skriv inlägget – det som behöver åtgärdas visas här.</translation>
    </message>
    <message>
        <source>Checking images… %1 of %2</source>
        <translation>Granskar bilder… %1 av %2</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) block the export</source>
        <translation>
            <numerusform>%n sak stoppar exporten</numerusform>
            <numerusform>%n saker stoppar exporten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n att kontrollera</numerusform>
            <numerusform>%n att kontrollera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing blocks. %n thing(s) to check.</source>
        <translation>
            <numerusform>Inget stoppar. %n sak att kontrollera.</numerusform>
            <numerusform>Inget stoppar. %n saker att kontrollera.</numerusform>
        </translation>
    </message>
    <message>
        <source>All clear: nothing blocks the export.</source>
        <translation>Klart: inget stoppar exporten.</translation>
    </message>
</context>
<context>
    <name>GuardianDialog</name>
    <message>
        <source>Add a guardian for %1</source>
        <translation>Lägg till vårdnadshavare för %1</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Förälder</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>Särskilt förordnad vårdnadshavare</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Phone or e-mail (optional)</source>
        <translation>Telefon eller e-post (frivilligt)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Kontakt:</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Zoom the photo</source>
        <translation>Zooma fotot</translation>
    </message>
    <message>
        <source>Mouse wheel, + and − in the preview, 0 to fit</source>
        <translation>Mushjulet, + och − i förhandsvisningen, 0 för att anpassa</translation>
    </message>
    <message>
        <source>Select several photos (their fields are edited together)</source>
        <translation>Välj flera bilder (deras fält redigeras tillsammans)</translation>
    </message>
    <message>
        <source>Shift or Ctrl with the arrows or a click in the image list; Ctrl+A selects all</source>
        <translation>Skift eller Ctrl med pilarna eller ett klick i bildlistan; Ctrl+A väljer alla</translation>
    </message>
    <message>
        <source>Remove the selected images</source>
        <translation>Ta bort de markerade bilderna</translation>
    </message>
    <message>
        <source>Delete in the image list</source>
        <translation>Delete i bildlistan</translation>
    </message>
    <message>
        <source>Pick the first person found in a face&apos;s search box</source>
        <translation>Välj den första personen som hittas i ett ansiktes sökruta</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Save the person in photographer mode</source>
        <translation>Spara personen i fotografläget</translation>
    </message>
    <message>
        <source>Close the consent registry</source>
        <translation>Stäng samtyckesregistret</translation>
    </message>
    <message>
        <source>Esc, Ctrl+W</source>
        <translation>Esc, Ctrl+W</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
    <message>
        <source>About Prepub</source>
        <translation>Om Prepub</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Prepub %1&lt;/h3&gt;&lt;p&gt;Checks photos and post text against your organisation&apos;s policy before publication: location and camera data, faces and consent, children, ongoing trips, plain language and tone. It exports clean, publish-ready files.&lt;/p&gt;&lt;p&gt;Everything stays on this computer: Prepub never uses the network.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Prepub %1&lt;/h3&gt;&lt;p&gt;Granskar foton och inläggstext mot organisationens policy före publicering: plats- och kamerauppgifter, ansikten och samtycken, barn, pågående resor, klarspråk och ton. Exporterar rensade filer som är klara att publicera.&lt;/p&gt;&lt;p&gt;Allt stannar på den här datorn: Prepub använder aldrig nätverket.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImageStripView</name>
    <message>
        <source>Images in the post</source>
        <translation>Bilder i inlägget</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>No image selected</source>
        <translation>Ingen bild vald</translation>
    </message>
    <message numerus="yes">
        <source>%n photos selected</source>
        <translation>
            <numerusform>%n bild vald</numerusform>
            <numerusform>%n bilder valda</numerusform>
        </translation>
    </message>
    <message>
        <source>Several values</source>
        <translation>Flera värden</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Granskas…</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Filen kan inte läsas: %1</translation>
    </message>
    <message>
        <source>Not in the file</source>
        <translation>Finns inte i filen</translation>
    </message>
    <message>
        <source>Looking up the place… (%1, %2)</source>
        <translation>Slår upp platsen… (%1, %2)</translation>
    </message>
    <message>
        <source>Unknown place (%1)</source>
        <translation>Okänd plats (%1)</translation>
    </message>
    <message>
        <source>An empty GPS block (removed on export)</source>
        <translation>Ett tomt GPS-block (tas bort vid export)</translation>
    </message>
    <message>
        <source>No position in the file</source>
        <translation>Ingen position i filen</translation>
    </message>
    <message>
        <source>camera serial numbers</source>
        <translation>kamerans serienummer</translation>
    </message>
    <message>
        <source>the owner&apos;s name</source>
        <translation>ägarens namn</translation>
    </message>
    <message>
        <source>an embedded preview image</source>
        <translation>en inbäddad förhandsbild</translation>
    </message>
    <message>
        <source>named face regions</source>
        <translation>namngivna ansiktsområden</translation>
    </message>
    <message>
        <source>Also removed on export: %1</source>
        <translation>Tas också bort vid export: %1</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 tecken</translation>
    </message>
    <message>
        <source>What you type here applies to every selected photo.</source>
        <translation>Det du skriver här gäller alla valda bilder.</translation>
    </message>
    <message>
        <source>About the photo</source>
        <translation>Om fotot</translation>
    </message>
    <message>
        <source>From the file</source>
        <translation>Från filen</translation>
    </message>
    <message>
        <source>&amp;Photographer:</source>
        <translation>&amp;Fotograf:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Vad:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>V&amp;ar:</translation>
    </message>
    <message>
        <source>Whe&amp;n:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Källa:</translation>
    </message>
    <message>
        <source>&amp;Licence:</source>
        <translation>&amp;Licens:</translation>
    </message>
    <message>
        <source>&amp;Alt text:</source>
        <translation>&amp;Alternativtext:</translation>
    </message>
    <message>
        <source>Alt text p&amp;refix:</source>
        <translation>Alt-text&amp;ens början:</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>&amp;Bildtext:</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>Tagen:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Plats:</translation>
    </message>
    <message>
        <source>Who took the photo?</source>
        <translation>Vem tog fotot?</translation>
    </message>
    <message>
        <source>What happens in the photo?</source>
        <translation>Vad händer på fotot?</translation>
    </message>
    <message>
        <source>Where was it taken?</source>
        <translation>Var togs det?</translation>
    </message>
    <message>
        <source>When? (e.g. 2024-05-17)</source>
        <translation>När? (t.ex. 2024-05-17)</translation>
    </message>
    <message>
        <source>Licence or agreement reference</source>
        <translation>Licens eller avtalsreferens</translation>
    </message>
    <message>
        <source>Describe the photo for people who cannot see it</source>
        <translation>Beskriv fotot för den som inte kan se det</translation>
    </message>
    <message>
        <source>Optional caption, e.g. “Foto: Anna Svensson”</source>
        <translation>Bildtext om du vill, t.ex. ”Foto: Anna Svensson”</translation>
    </message>
    <message>
        <source>Words put before each photo&apos;s alt text</source>
        <translation>Ord som sätts före varje bilds alt-text</translation>
    </message>
    <message>
        <source>The location is removed on export</source>
        <translation>Platsen tas bort vid export</translation>
    </message>
    <message>
        <source>The trip shown has ended (we never post from an ongoing trip)</source>
        <translation>Resan på bilden är avslutad (vi publicerar aldrig från pågående resor)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Blocks export</source>
        <translation>Stoppar export</translation>
    </message>
    <message>
        <source>Check this</source>
        <translation>Kontrollera</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notering</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Granskas…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>Se över</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Stoppad</translation>
    </message>
    <message>
        <source>Consent OK</source>
        <translation>Samtycke finns</translation>
    </message>
    <message>
        <source>Unknown person</source>
        <translation>Okänd person</translation>
    </message>
    <message>
        <source>Possible minor</source>
        <translation>Kanske ett barn</translation>
    </message>
    <message>
        <source>Blurred on export</source>
        <translation>Suddas vid export</translation>
    </message>
    <message>
        <source>Not identifiable</source>
        <translation>Inte identifierbar</translation>
    </message>
    <message>
        <source>Consent missing</source>
        <translation>Samtycke saknas</translation>
    </message>
    <message>
        <source>Too small to identify</source>
        <translation>För liten för att kännas igen</translation>
    </message>
    <message>
        <source>Very easy to read</source>
        <translation>Mycket lätt att läsa</translation>
    </message>
    <message>
        <source>Easy to read</source>
        <translation>Lätt att läsa</translation>
    </message>
    <message>
        <source>Fairly easy to read</source>
        <translation>Medelsvår</translation>
    </message>
    <message>
        <source>Hard to read</source>
        <translation>Svår att läsa</translation>
    </message>
    <message>
        <source>Very hard to read</source>
        <translation>Mycket svår att läsa</translation>
    </message>
    <message>
        <source>Readability unknown</source>
        <translation>Läsbarheten okänd</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Blur on export</source>
        <translation>Sudda vid export</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>Inte bestämt</translation>
    </message>
    <message>
        <source>Our own photo</source>
        <translation>Eget foto</translation>
    </message>
    <message>
        <source>Stock photo (with licence)</source>
        <translation>Stockfoto (med licens)</translation>
    </message>
    <message>
        <source>From a partner</source>
        <translation>Från en samarbetspartner</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Okänd</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Anställd</translation>
    </message>
    <message>
        <source>Elected representative</source>
        <translation>Förtroendevald</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Member of the public</source>
        <translation>Allmänheten</translation>
    </message>
    <message>
        <source>External (partner, supplier)</source>
        <translation>Extern (partner, leverantör)</translation>
    </message>
    <message>
        <source>Consent valid</source>
        <translation>Samtycke gäller</translation>
    </message>
    <message>
        <source>Consent expires soon</source>
        <translation>Samtycket går snart ut</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Samtycket har gått ut</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Samtycket återkallat</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Inget samtycke</translation>
    </message>
    <message>
        <source>Guardian&apos;s consent missing</source>
        <translation>Vårdnadshavares samtycke saknas</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Gäller inte än</translation>
    </message>
    <message>
        <source>the person is not in the registry</source>
        <translation>personen finns inte i registret</translation>
    </message>
    <message>
        <source>the person was erased</source>
        <translation>personen är raderad</translation>
    </message>
    <message>
        <source>protected identity</source>
        <translation>skyddad identitet</translation>
    </message>
    <message>
        <source>no consent registered</source>
        <translation>inget samtycke registrerat</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>gäller inte än</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>har gått ut</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>återkallat</translation>
    </message>
    <message>
        <source>a guardian must sign</source>
        <translation>en vårdnadshavare måste skriva under</translation>
    </message>
    <message>
        <source>every custodian must sign</source>
        <translation>alla vårdnadshavare måste skriva under</translation>
    </message>
    <message>
        <source>a channel is not covered</source>
        <translation>en kanal saknas i samtycket</translation>
    </message>
    <message>
        <source>No face was found in the photo. Use a clear photo of the person&apos;s face.</source>
        <translation>Inget ansikte hittades i bilden. Använd en tydlig bild av personens ansikte.</translation>
    </message>
    <message>
        <source>The photo shows more than one face. Use a photo of this person alone.</source>
        <translation>Bilden visar mer än ett ansikte. Använd en bild där bara den här personen syns.</translation>
    </message>
    <message>
        <source>The face in the photo could not be read. Try a sharper or larger photo.</source>
        <translation>Ansiktet i bilden kunde inte läsas. Prova en skarpare eller större bild.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) block this photo</source>
        <translation>
            <numerusform>%n sak stoppar den här bilden</numerusform>
            <numerusform>%n saker stoppar den här bilden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check in this photo</source>
        <translation>
            <numerusform>%n sak att se över i den här bilden</numerusform>
            <numerusform>%n saker att se över i den här bilden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The policy file could not be used, so the built-in policy is used instead: %1</source>
        <translation>Policyfilen kunde inte användas, så den inbyggda policyn används i stället: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Huvudverktyg</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportera…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Öppna &amp;senaste</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>&amp;Samtycke</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Inställningar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>The consent registry could not be opened: %1. Faces can only be blurred or marked not identifiable.</source>
        <translation>Samtyckesregistret kunde inte öppnas: %1. Ansikten kan bara suddas eller markeras som inte identifierbara.</translation>
    </message>
    <message>
        <source>Face detection is not available in this installation (%1). Photos cannot be checked for people, so export is switched off.</source>
        <translation>Ansiktsigenkänning finns inte i den här installationen (%1). Foton kan inte granskas efter personer, så exporten är avstängd.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Ångra %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gör om %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>Checking images…</source>
        <translation>Granskar bilder…</translation>
    </message>
    <message>
        <source>Checking images… %1</source>
        <translation>Granskar bilder… %1</translation>
    </message>
    <message>
        <source>Problem (%1): %2</source>
        <translation>Problem (%1): %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparat %1</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Nytt inlägg</translation>
    </message>
    <message>
        <source>Add photos or write the post first.</source>
        <translation>Lägg till foton eller skriv inlägget först.</translation>
    </message>
    <message>
        <source>Wait until every image has been checked.</source>
        <translation>Vänta tills alla bilder är granskade.</translation>
    </message>
    <message>
        <source>Face detection is not available, so photos cannot be checked.</source>
        <translation>Ansiktsigenkänning saknas, så fotona kan inte granskas.</translation>
    </message>
    <message>
        <source>Prepub is still starting…</source>
        <translation>Prepub startar fortfarande…</translation>
    </message>
    <message>
        <source>Export is not available in this installation (%1).</source>
        <translation>Export finns inte i den här installationen (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) block the export. See the list on the right.</source>
        <translation>
            <numerusform>%n sak stoppar exporten. Se listan till höger.</numerusform>
            <numerusform>%n saker stoppar exporten. Se listan till höger.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your policy allows exporting past the remaining items with a reason.</source>
        <translation>Er policy tillåter export trots det som återstår, om du anger en motivering.</translation>
    </message>
    <message>
        <source>Nothing blocks: export the post.</source>
        <translation>Inget stoppar: exportera inlägget.</translation>
    </message>
    <message>
        <source>Export with reasons…</source>
        <translation>Exportera med motivering…</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Lägg till foton</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Foton (%1)</translation>
    </message>
    <message>
        <source>Load the post text</source>
        <translation>Hämta inläggets text</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md)</source>
        <translation>Textfiler (*.txt *.md)</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed from the post. Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>%n bild togs bort från inlägget. Ångra med Ctrl+Z.</numerusform>
            <numerusform>%n bilder togs bort från inlägget. Ångra med Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message>
        <source>The post text has no suggestions to apply.</source>
        <translation>Inläggets text har inga förslag att använda.</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Nothing left to fix.</source>
        <translation>Inget kvar att åtgärda.</translation>
    </message>
    <message>
        <source>Mark not identifiable…</source>
        <translation>Markera som inte identifierbara…</translation>
    </message>
    <message>
        <source>Blur on export…</source>
        <translation>Sudda vid export…</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Redigera person</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Lägg till en person</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Okänd</translation>
    </message>
    <message>
        <source>This is a child (under 18)</source>
        <translation>Det här är ett barn (under 18)</translation>
    </message>
    <message>
        <source>Confirmed adult (someone checked a photo of them)</source>
        <translation>Bekräftat vuxen (någon har kontrollerat ett foto)</translation>
    </message>
    <message>
        <source>Protected identity (never published identifiably)</source>
        <translation>Skyddad identitet (publiceras aldrig så att personen känns igen)</translation>
    </message>
    <message>
        <source>Agreed to face matching (biometric data)</source>
        <translation>Har godkänt ansiktsmatchning (biometriska uppgifter)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <source>Birth year:</source>
        <translation>Födelseår:</translation>
    </message>
</context>
<context>
    <name>PhotographerWindow</name>
    <message>
        <source>Photographer mode — Prepub</source>
        <translation>Fotografläge – Prepub</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>1. The shoot</source>
        <translation>1. Fotograferingen</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>e.g. Folkets park, Malmö</source>
        <translation>t.ex. Folkets park, Malmö</translation>
    </message>
    <message>
        <source>e.g. Spring party</source>
        <translation>t.ex. Vårfest</translation>
    </message>
    <message>
        <source>Photographer:</source>
        <translation>Fotograf:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Plats:</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Evenemang:</translation>
    </message>
    <message>
        <source>Start the shoot</source>
        <translation>Starta fotograferingen</translation>
    </message>
    <message>
        <source>Earlier shoots</source>
        <translation>Tidigare fotograferingar</translation>
    </message>
    <message>
        <source>Continue this shoot</source>
        <translation>Fortsätt den här fotograferingen</translation>
    </message>
    <message>
        <source>…or continue an earlier shoot:</source>
        <translation>…eller fortsätt en tidigare fotografering:</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>För- och efternamn</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>A child (under 18): a guardian signs</source>
        <translation>Ett barn (under 18): vårdnadshavare skriver under</translation>
    </message>
    <message>
        <source>Guardian&apos;s name</source>
        <translation>Vårdnadshavarens namn</translation>
    </message>
    <message>
        <source>Second guardian (when both must sign)</source>
        <translation>Andra vårdnadshavaren (när båda ska skriva under)</translation>
    </message>
    <message>
        <source>Second guardian</source>
        <translation>Andra vårdnadshavaren</translation>
    </message>
    <message>
        <source>Under %1, every custodian must sign.</source>
        <translation>Under %1 år ska alla vårdnadshavare skriva under.</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Vem:</translation>
    </message>
    <message>
        <source>May be shown on:</source>
        <translation>Får visas på:</translation>
    </message>
    <message>
        <source>Agrees to face matching</source>
        <translation>Godkänner ansiktsmatchning</translation>
    </message>
    <message>
        <source>Biometric data: only with this explicit consent is a reference photo stored, so Prepub can suggest the person in new photos.</source>
        <translation>Biometriska uppgifter: bara med det här uttryckliga samtycket sparas ett referensfoto, så att Prepub kan föreslå personen i nya foton.</translation>
    </message>
    <message>
        <source>Reference photo…</source>
        <translation>Referensfoto…</translation>
    </message>
    <message>
        <source>Matching:</source>
        <translation>Matchning:</translation>
    </message>
    <message>
        <source>Signed form…</source>
        <translation>Undertecknad blankett…</translation>
    </message>
    <message>
        <source>no form chosen</source>
        <translation>ingen blankett vald</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Underskriven blankett</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Underlag:</translation>
    </message>
    <message>
        <source>…or note a verbal consent (who heard it, when)</source>
        <translation>…eller anteckna ett muntligt samtycke (vem hörde det, när)</translation>
    </message>
    <message>
        <source>Verbal consent</source>
        <translation>Muntligt samtycke</translation>
    </message>
    <message>
        <source>Save person</source>
        <translation>Spara personen</translation>
    </message>
    <message>
        <source>Logged at this shoot:</source>
        <translation>Registrerade vid den här fotograferingen:</translation>
    </message>
    <message>
        <source>Logged at this shoot</source>
        <translation>Loggade vid den här fotograferingen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ändra…</translation>
    </message>
    <message>
        <source>Edit the selected person</source>
        <translation>Ändra den valda personen</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Ta bort…</translation>
    </message>
    <message>
        <source>Remove the selected person from the registry</source>
        <translation>Ta bort den valda personen ur registret</translation>
    </message>
    <message>
        <source>Export consent sheet…</source>
        <translation>Exportera samtyckesfil…</translation>
    </message>
    <message>
        <source>The consent registry is not available: %1</source>
        <translation>Samtyckesregistret är inte tillgängligt: %1</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Det gick inte: %1</translation>
    </message>
    <message>
        <source>2. People at %1</source>
        <translation>2. Personer vid %1</translation>
    </message>
    <message>
        <source>%1 was erased from this laptop. They had not been sent to the team registry yet, and now never will be.</source>
        <translation>%1 är raderad från den här datorn. Personen hade inte skickats till det gemensamma registret än och kommer nu aldrig att skickas dit.</translation>
    </message>
    <message>
        <source>%1 was erased from the registry.</source>
        <translation>%1 är raderad ur registret.</translation>
    </message>
    <message>
        <source>%1 is already in the team registry: erasing them needs its server. Try again when it answers.</source>
        <translation>%1 finns redan i det gemensamma registret: att radera personen kräver dess server. Försök igen när den svarar.</translation>
    </message>
    <message>
        <source>%1 is already in the team registry: changing them needs its server. Try again when it answers.</source>
        <translation>%1 finns redan i det gemensamma registret: att ändra personen kräver dess server. Försök igen när den svarar.</translation>
    </message>
    <message>
        <source>%1 is in the team registry, and your role there does not allow erasing people: ask an admin of the team registry to erase them.</source>
        <translation>%1 finns i det gemensamma registret, och din roll där tillåter inte att personer raderas: be en administratör för det gemensamma registret att radera personen.</translation>
    </message>
    <message>
        <source>%1 is in the team registry, and your role there does not allow changing people: ask an admin of the team registry to correct them.</source>
        <translation>%1 finns i det gemensamma registret, och din roll där tillåter inte att personer ändras: be en administratör för det gemensamma registret att rätta uppgifterna.</translation>
    </message>
    <message>
        <source>A reference photo of this person</source>
        <translation>Ett referensfoto av personen</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Foton (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <source>Reading the face…</source>
        <translation>Läser in ansiktet…</translation>
    </message>
    <message>
        <source>The signed consent form</source>
        <translation>Den undertecknade samtyckesblanketten</translation>
    </message>
    <message>
        <source>Photos from %1 in our channels</source>
        <translation>Foton från %1 i våra kanaler</translation>
    </message>
    <message>
        <source>the shoot</source>
        <translation>fotograferingen</translation>
    </message>
    <message>
        <source>%1 is saved. Next person!</source>
        <translation>%1 är sparad. Nästa person!</translation>
    </message>
    <message>
        <source>Save the consent sheet</source>
        <translation>Spara samtyckesfilen</translation>
    </message>
    <message>
        <source>Consent sheets (*.prepub-consent.zip)</source>
        <translation>Samtyckesfiler (*.prepub-consent.zip)</translation>
    </message>
    <message>
        <source>The consent sheet is saved: %1. Give this one file to the communicator.</source>
        <translation>Samtyckesfilen är sparad: %1. Lämna den här filen till kommunikatören.</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>Post to:</source>
        <translation>Publicera på:</translation>
    </message>
    <message>
        <source>Apply suggestion</source>
        <translation>Använd förslaget</translation>
    </message>
    <message>
        <source>Apply the suggested fix at the cursor (Ctrl+.)</source>
        <translation>Använd förslaget där markören står (Ctrl+.)</translation>
    </message>
    <message>
        <source>Load the post text</source>
        <translation>Hämta inläggets text</translation>
    </message>
    <message>
        <source>The text checks are not available in this installation (%1).</source>
        <translation>Textgranskningen finns inte i den här installationen (%1).</translation>
    </message>
    <message>
        <source>LIX %1 · %2</source>
        <translation>LIX %1 · %2</translation>
    </message>
    <message>
        <source>LIX is a readability index: under 30 is very easy, 30–40 easy, 40–50 average, over 50 hard.</source>
        <translation>LIX är ett läsbarhetsindex: under 30 är mycket lätt, 30–40 lätt, 40–50 medelsvårt och över 50 svårt.</translation>
    </message>
    <message>
        <source>Choose at least one channel</source>
        <translation>Välj minst en kanal</translation>
    </message>
    <message>
        <source>Replace with “%1”</source>
        <translation>Ersätt med ”%1”</translation>
    </message>
</context>
<context>
    <name>PostSession</name>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation>
            <numerusform>Lägg till %n bild</numerusform>
            <numerusform>Lägg till %n bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>Ta bort %n bild</numerusform>
            <numerusform>Ta bort %n bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Ändra %1</translation>
    </message>
    <message numerus="yes">
        <source>Change %1 on %n photos</source>
        <translation>
            <numerusform>Ändra %1 på %n bild</numerusform>
            <numerusform>Ändra %1 på %n bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply the template “%1”</source>
        <translation>Använd mallen ”%1”</translation>
    </message>
    <message>
        <source>Decide face %1</source>
        <translation>Beslut om ansikte %1</translation>
    </message>
    <message numerus="yes">
        <source>Decide %n faces</source>
        <translation>
            <numerusform>Beslut om %n ansikte</numerusform>
            <numerusform>Beslut om %n ansikten</numerusform>
        </translation>
    </message>
    <message>
        <source>Remembered in the consent registry as an adult: %1</source>
        <translation>Sparat i samtyckesregistret som vuxen: %1</translation>
    </message>
    <message>
        <source>Not remembered in the consent registry: %1</source>
        <translation>Inte sparat i samtyckesregistret: %1</translation>
    </message>
    <message>
        <source>The trip has ended</source>
        <translation>Resan är avslutad</translation>
    </message>
    <message>
        <source>The trip has not ended</source>
        <translation>Resan är inte avslutad</translation>
    </message>
    <message>
        <source>Change channels</source>
        <translation>Ändra kanaler</translation>
    </message>
    <message>
        <source>Change the text&apos;s language</source>
        <translation>Ändra textens språk</translation>
    </message>
</context>
<context>
    <name>PostTextEdit</name>
    <message>
        <source>Write the post here. Prepub checks it as you type.</source>
        <translation>Skriv inlägget här. Prepub granskar texten medan du skriver.</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Inläggets text</translation>
    </message>
    <message>
        <source>Edit the post text</source>
        <translation>Redigera inläggets text</translation>
    </message>
    <message>
        <source>Suggestion: “%1”</source>
        <translation>Förslag: ”%1”</translation>
    </message>
    <message>
        <source>Replace with “%1”</source>
        <translation>Ersätt med ”%1”</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Mark all not identifiable (except possible children)…</source>
        <translation>Markera alla som ej identifierbara (utom möjliga barn)…</translation>
    </message>
    <message>
        <source>Blur all on export…</source>
        <translation>Sudda alla vid export…</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zooma ut (Ctrl+-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassa</translation>
    </message>
    <message>
        <source>Several faces</source>
        <translation>Flera ansikten</translation>
    </message>
    <message>
        <source>Decide the undecided faces of this photo at once, or confirm its possible children are adults</source>
        <translation>Bestäm alla obestämda ansikten i bilden på en gång, eller bekräfta att dess möjliga barn är vuxna</translation>
    </message>
    <message>
        <source>Confirm possible children are adults…</source>
        <translation>Bekräfta att möjliga barn är vuxna…</translation>
    </message>
    <message>
        <source>Fit the photo in the window (Ctrl+0)</source>
        <translation>Anpassa fotot till fönstret (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zooma in (Ctrl++)</translation>
    </message>
    <message>
        <source>No faces found in this photo.</source>
        <translation>Inga ansikten hittades på fotot.</translation>
    </message>
    <message>
        <source>Click a face to decide.</source>
        <translation>Klicka på ett ansikte för att bestämma.</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>Image preview</source>
        <translation>Förhandsvisning</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>Bilden kan inte visas: %1</translation>
    </message>
    <message>
        <source>Select an image in the list to see it here.</source>
        <translation>Välj en bild i listan för att se den här.</translation>
    </message>
    <message>
        <source>Drop photos or a folder here
(or press Ctrl+I to add images)</source>
        <translation>Släpp foton eller en mapp här
(eller tryck Ctrl+I för att lägga till bilder)</translation>
    </message>
</context>
<context>
    <name>ProgressStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>RegistryPasswordDialog</name>
    <message>
        <source>Team registry password</source>
        <translation>Lösenord till det gemensamma registret</translation>
    </message>
    <message>
        <source>The team registry asks for the password of %1. It is used until Prepub closes and is not stored.</source>
        <translation>Det gemensamma registret frågar efter lösenordet för %1. Det används tills Prepub stängs och sparas inte.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Anslut</translation>
    </message>
    <message>
        <source>Work without it</source>
        <translation>Arbeta utan det</translation>
    </message>
</context>
<context>
    <name>RegistryWindow</name>
    <message>
        <source>Consent registry — Prepub</source>
        <translation>Samtyckesregister – Prepub</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Search people…</source>
        <translation>Sök personer…</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Sök personer</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Lägg till person…</translation>
    </message>
    <message>
        <source>Import consent sheet…</source>
        <translation>Importera samtyckesfil…</translation>
    </message>
    <message>
        <source>People in the registry</source>
        <translation>Personer i registret</translation>
    </message>
    <message>
        <source>Select a person</source>
        <translation>Välj en person</translation>
    </message>
    <message>
        <source>Add guardian…</source>
        <translation>Lägg till vårdnadshavare…</translation>
    </message>
    <message>
        <source>Consents of the selected person</source>
        <translation>Den valda personens samtycken</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanaler</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Lämnat</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Går ut</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Undertecknat av</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Underlag</translation>
    </message>
    <message>
        <source>Add consent…</source>
        <translation>Lägg till samtycke…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Återkalla samtycke…</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>Redigera person…</translation>
    </message>
    <message>
        <source>Reference photo…</source>
        <translation>Referensbild…</translation>
    </message>
    <message>
        <source>A photo of this person&apos;s face, so Prepub can suggest them in new photos (only with their consent to face matching)</source>
        <translation>En bild av personens ansikte, så att Prepub kan föreslå personen i nya bilder (bara med samtycke till ansiktsmatchning)</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>Radera person…</translation>
    </message>
    <message>
        <source>The consent registry is not available: %1</source>
        <translation>Samtyckesregistret är inte tillgängligt: %1</translation>
    </message>
    <message>
        <source>it is still opening</source>
        <translation>det öppnas fortfarande</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Det gick inte: %1</translation>
    </message>
    <message>
        <source>The registry is empty. Add a person or import a photographer&apos;s consent sheet.</source>
        <translation>Registret är tomt. Lägg till en person eller importera en fotografs samtyckesfil.</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>född %1</translation>
    </message>
    <message>
        <source>child</source>
        <translation>barn</translation>
    </message>
    <message>
        <source>adult (confirmed from a photo)</source>
        <translation>vuxen (bekräftat från ett foto)</translation>
    </message>
    <message>
        <source>protected identity: never published identifiably</source>
        <translation>skyddad identitet: publiceras aldrig så att personen känns igen</translation>
    </message>
    <message>
        <source>agreed to face matching</source>
        <translation>har godkänt ansiktsmatchning</translation>
    </message>
    <message>
        <source>no face matching</source>
        <translation>ingen ansiktsmatchning</translation>
    </message>
    <message numerus="yes">
        <source>%n reference photo(s)</source>
        <translation>
            <numerusform>%n referensbild</numerusform>
            <numerusform>%n referensbilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Guardians: %1</source>
        <translation>Vårdnadshavare: %1</translation>
    </message>
    <message>
        <source>No guardians registered.</source>
        <translation>Inga vårdnadshavare registrerade.</translation>
    </message>
    <message>
        <source>until withdrawn</source>
        <translation>tills det återkallas</translation>
    </message>
    <message>
        <source>verbal: %1</source>
        <translation>muntligt: %1</translation>
    </message>
    <message>
        <source>Withdrawn %1: %2</source>
        <translation>Återkallat %1: %2</translation>
    </message>
    <message>
        <source>%1 was added. Now add their consent.</source>
        <translation>%1 är tillagd. Lägg nu till samtycket.</translation>
    </message>
    <message>
        <source>A reference photo of this person</source>
        <translation>En referensbild av personen</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <source>Reading the face…</source>
        <translation>Läser ansiktet…</translation>
    </message>
    <message>
        <source>A reference photo of %1 is stored.</source>
        <translation>En referensbild av %1 är sparad.</translation>
    </message>
    <message>
        <source>The consent was saved.</source>
        <translation>Samtycket är sparat.</translation>
    </message>
    <message>
        <source>%1: %2, given %3</source>
        <translation>%1: %2, lämnat %3</translation>
    </message>
    <message>
        <source>The consent was withdrawn. It was used in these earlier exports; take the posts down where they are published:</source>
        <translation>Samtycket är återkallat. Det användes i de här tidigare exporterna – ta bort inläggen där de är publicerade:</translation>
    </message>
    <message>
        <source>The consent was withdrawn. No earlier export used it.</source>
        <translation>Samtycket är återkallat. Ingen tidigare export använde det.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n personer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s)</source>
        <translation>
            <numerusform>%n samtycke</numerusform>
            <numerusform>%n samtycken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guardian(s)</source>
        <translation>
            <numerusform>%n vårdnadshavare</numerusform>
            <numerusform>%n vårdnadshavare</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent sheet imported: %1 added.</source>
        <translation>Samtyckesblanketten är importerad: %1 tillagda.</translation>
    </message>
    <message>
        <source>Consent sheet imported: nothing new, everything in it was already in the registry.</source>
        <translation>Samtyckesblanketten är importerad: inget nytt, allt i den fanns redan i registret.</translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) withdrawn as the sheet says.</source>
        <translation>
            <numerusform>%n samtycke återkallat enligt blanketten.</numerusform>
            <numerusform>%n samtycken återkallade enligt blanketten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) were not applied because a later withdrawal here stands.</source>
        <translation>
            <numerusform>%n samtycke användes inte eftersom en senare återkallelse här gäller.</numerusform>
            <numerusform>%n samtycken användes inte eftersom en senare återkallelse här gäller.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check:</source>
        <translation>
            <numerusform>%n sak att se över:</numerusform>
            <numerusform>%n saker att se över:</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Radera person</translation>
    </message>
    <message>
        <source>Delete %1 from the registry? Their name, details, face references and evidence files are erased for good. The audit log keeps only a trace without personal data.</source>
        <translation>Radera %1 ur registret? Namn, uppgifter, ansiktsreferenser och underlag raderas för gott. Loggen behåller bara ett spår utan personuppgifter.</translation>
    </message>
    <message>
        <source>%1 was erased from the registry.</source>
        <translation>%1 är raderad ur registret.</translation>
    </message>
    <message>
        <source>Import a consent sheet</source>
        <translation>Importera en samtyckesfil</translation>
    </message>
    <message>
        <source>Consent sheets (*.prepub-consent.zip *.zip)</source>
        <translation>Samtyckesfiler (*.prepub-consent.zip *.zip)</translation>
    </message>
    <message>
        <source>%1 differs for a person (here “%2”, in the sheet “%3”); the local value was kept.</source>
        <translation>%1 skiljer sig för en person (här ”%2”, i filen ”%3”); det lokala värdet behölls.</translation>
    </message>
    <message>
        <source>A person in the sheet was erased here and was not imported again.</source>
        <translation>En person i filen har raderats här och importerades inte igen.</translation>
    </message>
    <message>
        <source>“%1” in the sheet has the same name as someone here: check whether they are the same person.</source>
        <translation>”%1” i filen har samma namn som någon här: kontrollera om det är samma person.</translation>
    </message>
    <message>
        <source>A consent differs (%1); the local record was kept.</source>
        <translation>Ett samtycke skiljer sig (%1); den lokala uppgiften behölls.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>Policy file</source>
        <translation>Policyfil</translation>
    </message>
    <message>
        <source>Built-in policy (%1)</source>
        <translation>Inbyggd policy (%1)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Use built-in</source>
        <translation>Använd inbyggd</translation>
    </message>
    <message>
        <source>Home base (for the “no posts from an ongoing trip” rule)</source>
        <translation>Hemort (för regeln ”inga inlägg från pågående resor”)</translation>
    </message>
    <message>
        <source>Use my own home base instead of the policy&apos;s</source>
        <translation>Använd min egen hemort i stället för policyns</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Plats:</translation>
    </message>
    <message>
        <source>Latitude:</source>
        <translation>Latitud:</translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation>Longitud:</translation>
    </message>
    <message>
        <source>Counts as home within:</source>
        <translation>Räknas som hemma inom:</translation>
    </message>
    <message>
        <source>Channels ticked for a new post</source>
        <translation>Kanaler som är förvalda för ett nytt inlägg</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Som systemet (%1)</translation>
    </message>
    <message>
        <source>Language of the app:</source>
        <translation>Programmets språk:</translation>
    </message>
    <message>
        <source>Consent registry</source>
        <translation>Samtyckesregister</translation>
    </message>
    <message>
        <source>Team registry address</source>
        <translation>Adress till det gemensamma registret</translation>
    </message>
    <message>
        <source>Empty: the personal registry on this computer</source>
        <translation>Tomt: det personliga registret på den här datorn</translation>
    </message>
    <message>
        <source>A team registry on PostgreSQL, e.g. postgresql://name@server/prepub?sslrootcert=CA-file. Store your password once with “prepub registry login”.</source>
        <translation>Ett gemensamt register i PostgreSQL, t.ex. postgresql://namn@server/prepub?sslrootcert=CA-fil. Spara ditt lösenord en gång med ”prepub registry login”.</translation>
    </message>
    <message>
        <source>The address must not contain a password (it would be stored as plain text). Store the password with “prepub registry login”.</source>
        <translation>Adressen får inte innehålla ett lösenord (det skulle sparas som vanlig text). Spara lösenordet med ”prepub registry login”.</translation>
    </message>
    <message>
        <source>The address must name the database, e.g. postgresql://name@server/prepub.</source>
        <translation>Adressen måste ange databasen, t.ex. postgresql://namn@server/prepub.</translation>
    </message>
    <message>
        <source>Leave it empty for the personal registry on this computer, or give a team registry&apos;s address: postgresql://name@server/prepub.</source>
        <translation>Lämna fältet tomt för det personliga registret på den här datorn, eller ange adressen till ett gemensamt register: postgresql://namn@server/prepub.</translation>
    </message>
    <message>
        <source>This time Prepub uses the registry given when it was started (--registry %1); this address is used from the next start.</source>
        <translation>Den här gången använder Prepub registret som angavs vid start (--registry %1); den här adressen används från nästa start.</translation>
    </message>
    <message>
        <source>A team registry: the password comes from the system keyring, or Prepub asks for it.</source>
        <translation>Ett gemensamt register: lösenordet hämtas från systemets nyckelring, annars frågar Prepub efter det.</translation>
    </message>
    <message>
        <source>The personal registry on this computer is used.</source>
        <translation>Det personliga registret på den här datorn används.</translation>
    </message>
    <message>
        <source>The organisation&apos;s policy file</source>
        <translation>Organisationens policyfil</translation>
    </message>
    <message>
        <source>Policy files (*.toml)</source>
        <translation>Policyfiler (*.toml)</translation>
    </message>
    <message>
        <source>The built-in policy is used.</source>
        <translation>Den inbyggda policyn används.</translation>
    </message>
    <message>
        <source>This policy file cannot be used: %1</source>
        <translation>Policyfilen kan inte användas: %1</translation>
    </message>
    <message>
        <source>The policy file is valid.</source>
        <translation>Policyfilen är giltig.</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>Send the entries on this laptop to the team registry now</source>
        <translation>Skicka posterna på den här datorn till det gemensamma registret nu</translation>
    </message>
    <message numerus="yes">
        <source>Offline: what you log is kept on this laptop and sent when the team registry answers. %n entry(ies) waiting to sync.</source>
        <translation>
            <numerusform>Offline: det du registrerar sparas på den här datorn och skickas när det gemensamma registret svarar. %n post väntar på synkning.</numerusform>
            <numerusform>Offline: det du registrerar sparas på den här datorn och skickas när det gemensamma registret svarar. %n poster väntar på synkning.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n entry(ies) to the team registry…</source>
        <translation>
            <numerusform>Skickar %n post till det gemensamma registret…</numerusform>
            <numerusform>Skickar %n poster till det gemensamma registret…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shoot(s) waiting to sync.</source>
        <translation>
            <numerusform>%n fotografering väntar på synkning.</numerusform>
            <numerusform>%n fotograferingar väntar på synkning.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) waiting to sync.</source>
        <translation>
            <numerusform>%n post väntar på synkning.</numerusform>
            <numerusform>%n poster väntar på synkning.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the team registry: %n new record(s).</source>
        <translation>
            <numerusform>Skickat till det gemensamma registret: %n ny uppgift.</numerusform>
            <numerusform>Skickat till det gemensamma registret: %n nya uppgifter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) were not sent because the team registry holds a later withdrawal.</source>
        <translation>
            <numerusform>%n samtycke skickades inte eftersom det gemensamma registret har en senare återkallelse.</numerusform>
            <numerusform>%n samtycken skickades inte eftersom det gemensamma registret har en senare återkallelse.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check:</source>
        <translation>
            <numerusform>%n sak att se över:</numerusform>
            <numerusform>%n saker att se över:</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced: %1</source>
        <translation>Inte synkat: %1</translation>
    </message>
    <message>
        <source>%1 differs (team registry “%2”, this laptop “%3”); the team registry&apos;s value was kept.</source>
        <translation>%1 skiljer sig (det gemensamma registret ”%2”, den här datorn ”%3”); det gemensamma registrets värde behölls.</translation>
    </message>
    <message>
        <source>A person logged on this laptop was erased in the team registry and was not sent again.</source>
        <translation>En person som registrerades på den här datorn har raderats i det gemensamma registret och skickades inte igen.</translation>
    </message>
    <message>
        <source>“%1” has the same name as someone in the team registry: check whether they are the same person.</source>
        <translation>”%1” har samma namn som någon i det gemensamma registret: kontrollera om det är samma person.</translation>
    </message>
    <message>
        <source>A consent differs (%1); the team registry&apos;s record was kept.</source>
        <translation>Ett samtycke skiljer sig (%1); det gemensamma registrets uppgift behölls.</translation>
    </message>
</context>
<context>
    <name>TeamLink</name>
    <message>
        <source>Offline: the team registry cannot be reached (%1), and this computer has no copy of it yet. Faces can only be blurred or marked not identifiable until it answers.</source>
        <translation>Offline: det gemensamma registret går inte att nå (%1), och den här datorn har ingen kopia av det än. Ansikten kan bara suddas eller markeras som inte identifierbara tills det svarar.</translation>
    </message>
    <message numerus="yes">
        <source>Offline: using the copy of the team registry from %1 (%n hour(s) old). Changes made since then are not in it; Prepub connects again when the server answers.</source>
        <translation>
            <numerusform>Offline: använder kopian av det gemensamma registret från %1 (%n timme gammal). Ändringar som gjorts sedan dess finns inte med; Prepub ansluter igen när servern svarar.</numerusform>
            <numerusform>Offline: använder kopian av det gemensamma registret från %1 (%n timmar gammal). Ändringar som gjorts sedan dess finns inte med; Prepub ansluter igen när servern svarar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamTarget</name>
    <message>
        <source>Preparing the queue on this laptop…</source>
        <translation>Förbereder kön på den här datorn…</translation>
    </message>
    <message>
        <source>it is still opening</source>
        <translation>det öppnas fortfarande</translation>
    </message>
</context>
<context>
    <name>TemplateButton</name>
    <message>
        <source>Templates</source>
        <translation>Mallar</translation>
    </message>
    <message>
        <source>Event templates: the photographer, context, source, caption and alt text prefix of a recurring event, applied in one step</source>
        <translation>Evenemangsmallar: fotograf, sammanhang, källa, bildtext och alt-textens inledning för ett återkommande evenemang, i ett steg</translation>
    </message>
    <message>
        <source>Event templates</source>
        <translation>Evenemangsmallar</translation>
    </message>
    <message>
        <source>The templates cannot be read: %1</source>
        <translation>Mallarna kan inte läsas: %1</translation>
    </message>
    <message>
        <source>Apply “%1”</source>
        <translation>Använd ”%1”</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>Inga mallar ännu</translation>
    </message>
    <message>
        <source>Save these fields as a template…</source>
        <translation>Spara fälten som en mall…</translation>
    </message>
    <message>
        <source>Delete a template</source>
        <translation>Ta bort en mall</translation>
    </message>
    <message numerus="yes">
        <source>Template “%1” applied to %n photo(s).</source>
        <translation>
            <numerusform>Mallen ”%1” användes på %n bild.</numerusform>
            <numerusform>Mallen ”%1” användes på %n bilder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Template “%1” changes nothing here.</source>
        <translation>Mallen ”%1” ändrar ingenting här.</translation>
    </message>
    <message>
        <source>Save as a template</source>
        <translation>Spara som mall</translation>
    </message>
    <message>
        <source>Name of the event template (e.g. “Council meeting”):</source>
        <translation>Mallens namn (t.ex. ”Kommunfullmäktige”):</translation>
    </message>
    <message>
        <source>There is already a template “%1”. Replace it?</source>
        <translation>Det finns redan en mall ”%1”. Vill du ersätta den?</translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation>Mallen sparades inte: %1</translation>
    </message>
    <message>
        <source>Template “%1” saved.</source>
        <translation>Mallen ”%1” är sparad.</translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>Ta bort mallen ”%1”?</translation>
    </message>
    <message>
        <source>Template “%1” deleted.</source>
        <translation>Mallen ”%1” är borttagen.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Återkalla samtycke</translation>
    </message>
    <message>
        <source>Withdrawing stops every future export that relies on this consent. Posts already published are listed afterwards so you can take them down.</source>
        <translation>Ett återkallande stoppar alla framtida exporter som bygger på samtycket. Inlägg som redan är publicerade listas efteråt så att du kan ta bort dem.</translation>
    </message>
    <message>
        <source>Why? (e.g. asked by phone on 3 May)</source>
        <translation>Varför? (t.ex. bad om det per telefon den 3 maj)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivering:</translation>
    </message>
</context>
</TS>
