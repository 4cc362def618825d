<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;Nyt opslag</translation>
    </message>
    <message>
        <source>&amp;Open post…</source>
        <translation>&amp;Åbn opslag…</translation>
    </message>
    <message>
        <source>&amp;Save post</source>
        <translation>&amp;Gem opslag</translation>
    </message>
    <message>
        <source>Save post &amp;as…</source>
        <translation>Gem opslag &amp;som…</translation>
    </message>
    <message>
        <source>Add &amp;images…</source>
        <translation>Tilføj &amp;billeder…</translation>
    </message>
    <message>
        <source>Add photos or a folder of photos</source>
        <translation>Tilføj fotos eller en mappe med fotos</translation>
    </message>
    <message>
        <source>Load post &amp;text from a file…</source>
        <translation>Hent opslagets &amp;tekst fra en fil…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
    <message>
        <source>Export clean photos, texts and scheduling files</source>
        <translation>Eksportér rensede fotos, tekster og filer til planlægning</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>&amp;Næste billede</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>&amp;Forrige billede</translation>
    </message>
    <message>
        <source>Go to next &amp;problem</source>
        <translation>Gå til næste &amp;problem</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;ind</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;ud</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Tilpas til vinduet</translation>
    </message>
    <message>
        <source>&amp;Remove selected images from post</source>
        <translation>&amp;Fjern valgte billeder fra opslaget</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <source>&amp;Apply the text suggestion</source>
        <translation>&amp;Brug tekstforslaget</translation>
    </message>
    <message>
        <source>Apply the suggested fix at the cursor in the post text, or go to the next suggestion</source>
        <translation>Brug forslaget ved markøren i opslagets tekst, eller gå til næste forslag</translation>
    </message>
    <message>
        <source>Mark unknown faces &amp;not identifiable…</source>
        <translation>Markér ukendte ansigter som &amp;ikke genkendelige…</translation>
    </message>
    <message>
        <source>Every undecided face in the selected photos, except possible children</source>
        <translation>Alle ansigter uden beslutning i de valgte billeder, undtagen mulige børn</translation>
    </message>
    <message>
        <source>&amp;Blur unknown faces…</source>
        <translation>&amp;Slør ukendte ansigter…</translation>
    </message>
    <message>
        <source>Blur every undecided face in the selected photos on export</source>
        <translation>Slør alle ansigter uden beslutning i de valgte billeder ved eksport</translation>
    </message>
    <message>
        <source>&amp;Stop checking images</source>
        <translation>&amp;Stop kontrollen af billeder</translation>
    </message>
    <message>
        <source>Consent &amp;registry…</source>
        <translation>Samtykke&amp;registret…</translation>
    </message>
    <message>
        <source>&amp;Photographer mode…</source>
        <translation>&amp;Fotograftilstand…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastaturgenveje</translation>
    </message>
    <message>
        <source>&amp;About Prepub</source>
        <translation>&amp;Om Prepub</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
</context>
<context>
    <name>AdultsDialog</name>
    <message>
        <source>Confirm adults</source>
        <translation>Bekræft voksne</translation>
    </message>
    <message numerus="yes">
        <source>The age estimate flags %n face(s) as possible children. Tick only the people you know are 18 or older; anyone left unticked stays flagged.</source>
        <translation>
            <numerusform>Aldersvurderingen markerer %n ansigt som muligt barn. Sæt kun flueben ved personer, du ved er 18 år eller ældre; den, der ikke har flueben, forbliver markeret.</numerusform>
            <numerusform>Aldersvurderingen markerer %n ansigter som mulige børn. Sæt kun flueben ved personer, du ved er 18 år eller ældre; den, der ikke har flueben, forbliver markeret.</numerusform>
        </translation>
    </message>
    <message>
        <source>(not shown)</source>
        <translation>(vises ikke)</translation>
    </message>
    <message>
        <source>Face %1</source>
        <translation>Ansigt %1</translation>
    </message>
    <message>
        <source>estimated %1</source>
        <translation>anslået alder %1</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n adult(s)</source>
        <translation>
            <numerusform>Bekræft %n voksen</numerusform>
            <numerusform>Bekræft %n voksne</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Add a consent for %1</source>
        <translation>Tilføj et samtykke for %1</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanaler:</translation>
    </message>
    <message>
        <source>Our communication in social media and on the website</source>
        <translation>Vores kommunikation på sociale medier og på hjemmesiden</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Formål:</translation>
    </message>
    <message>
        <source>Given on:</source>
        <translation>Givet den:</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Gælder til</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gyldighed:</translation>
    </message>
    <message>
        <source>%1 (themselves)</source>
        <translation>%1 (selv)</translation>
    </message>
    <message>
        <source>%1 (guardian)</source>
        <translation>%1 (forælder/værge)</translation>
    </message>
    <message>
        <source>Add the child&apos;s guardian first: a child&apos;s consent must be signed by a guardian.</source>
        <translation>Tilføj først barnets forælder eller værge: et barns samtykke skal underskrives af en forælder eller værge.</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Underskrevet af:</translation>
    </message>
    <message>
        <source>The signed form (PDF or photo)</source>
        <translation>Den underskrevne blanket (PDF eller foto)</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Underskrevet blanket</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Signed form:</source>
        <translation>Underskrevet blanket:</translation>
    </message>
    <message>
        <source>…or a note of a verbal consent: when, where, who heard it</source>
        <translation>…eller en note om et mundtligt samtykke: hvornår, hvor og hvem der hørte det</translation>
    </message>
    <message>
        <source>Or verbal:</source>
        <translation>Eller mundtligt:</translation>
    </message>
    <message>
        <source>Logged by:</source>
        <translation>Registreret af:</translation>
    </message>
    <message>
        <source>The signed consent form</source>
        <translation>Den underskrevne samtykkeblanket</translation>
    </message>
</context>
<context>
    <name>DraftFiles</name>
    <message>
        <source>Restore unsaved post?</source>
        <translation>Gendan opslag, der ikke er gemt?</translation>
    </message>
    <message>
        <source>Prepub found a post that was not saved when it last closed. Restore it?</source>
        <translation>Prepub fandt et opslag, der ikke var gemt, da programmet sidst blev lukket. Vil du gendanne det?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ændringer, der ikke er gemt</translation>
    </message>
    <message>
        <source>The post has changes that are not saved. Save them first?</source>
        <translation>Opslaget har ændringer, der ikke er gemt. Vil du gemme dem først?</translation>
    </message>
    <message>
        <source>Open a post</source>
        <translation>Åbn et opslag</translation>
    </message>
    <message>
        <source>Prepub post (*.prepub.json)</source>
        <translation>Prepub-opslag (*.prepub.json)</translation>
    </message>
    <message>
        <source>Newer autosave found</source>
        <translation>Nyere autogemt version fundet</translation>
    </message>
    <message>
        <source>There is an autosaved version of this post that is newer than the saved file (Prepub may have closed unexpectedly). Use the autosaved version?</source>
        <translation>Der findes en autogemt version af opslaget, som er nyere end den gemte fil (Prepub kan være lukket uventet). Vil du bruge den autogemte version?</translation>
    </message>
    <message>
        <source>Save the post</source>
        <translation>Gem opslaget</translation>
    </message>
    <message>
        <source>The post could not be saved: %1</source>
        <translation>Opslaget kunne ikke gemmes: %1</translation>
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
        <translation>Der var ingen fotos i det, du slap her.</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Opslagets tekst</translation>
    </message>
    <message>
        <source>The post already has text. Replace it with the file, or add the file&apos;s text at the end?</source>
        <translation>Opslaget har allerede tekst. Vil du erstatte den med filens tekst eller tilføje filens tekst til sidst?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Erstat</translation>
    </message>
    <message>
        <source>Add at the end</source>
        <translation>Tilføj til sidst</translation>
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
        <translation>hvad</translation>
    </message>
    <message>
        <source>where</source>
        <translation>hvor</translation>
    </message>
    <message>
        <source>when</source>
        <translation>hvornår</translation>
    </message>
    <message>
        <source>source</source>
        <translation>kilde</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>licens</translation>
    </message>
    <message>
        <source>alt text</source>
        <translation>alt-tekst</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>billedtekst</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Publication time:</source>
        <translation>Tidspunkt for offentliggørelse:</translation>
    </message>
    <message>
        <source>Publish at</source>
        <translation>Offentliggør</translation>
    </message>
    <message>
        <source>The time the scheduling tools publish the post. Without one, Publer picks a time itself and the tools that need one are left out.</source>
        <translation>Tidspunktet, hvor planlægningsværktøjerne offentliggør opslaget. Uden et tidspunkt vælger Publer selv et, og de værktøjer, der kræver et, udelades.</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Tidszone: %1</translation>
    </message>
    <message>
        <source>Needs a publication time.</source>
        <translation>Kræver et tidspunkt for offentliggørelse.</translation>
    </message>
    <message>
        <source>%1 need a publication time: tick “Publish at” and choose one to write their files.</source>
        <translation>%1 kræver et tidspunkt for offentliggørelse: sæt flueben ved “Offentliggør”, og vælg et tidspunkt for at skrive deres filer.</translation>
    </message>
    <message>
        <source>Exported, but not every file you asked for was written. See below which and why.</source>
        <translation>Eksporteret, men ikke alle de filer, du bad om, blev skrevet. Se nedenfor hvilke og hvorfor.</translation>
    </message>
    <message>
        <source>✕ Not written: %1</source>
        <translation>✕ Ikke skrevet: %1</translation>
    </message>
    <message>
        <source>✓ Written: %1</source>
        <translation>✓ Skrevet: %1</translation>
    </message>
    <message>
        <source>Export the post</source>
        <extracomment>The formats whose files need a publication time (the core leaves them out without one). The tools whose import lets the user choose the date order.</extracomment>
        <translation>Eksportér opslaget</translation>
    </message>
    <message>
        <source>Prepub writes clean copies of the photos (no location, no camera data), the text per channel, files for your scheduling tool and a publication record. Your original files are never changed.</source>
        <translation>Prepub skriver rensede kopier af fotoene (uden placering og kameradata), teksten for hver kanal, filer til dit planlægningsværktøj og et publiceringsbilag. Dine originalfiler ændres aldrig.</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Eksportmappe</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Gennemse…</translation>
    </message>
    <message>
        <source>Save in folder:</source>
        <translation>Gem i mappen:</translation>
    </message>
    <message>
        <source>Write one .zip file</source>
        <translation>Skriv én .zip-fil</translation>
    </message>
    <message>
        <source>Scheduling files:</source>
        <translation>Filer til planlægning:</translation>
    </message>
    <message>
        <source>day/month/year (dd/mm/yyyy)</source>
        <translation>dag/måned/år (dd/mm/åååå)</translation>
    </message>
    <message>
        <source>month/day/year (mm/dd/yyyy)</source>
        <translation>måned/dag/år (mm/dd/åååå)</translation>
    </message>
    <message>
        <source>Choose the date format your account uses in the tool&apos;s import settings.</source>
        <translation>Vælg det datoformat, jeres konto bruger i værktøjets importindstillinger.</translation>
    </message>
    <message>
        <source>%1 dates:</source>
        <translation>Datoer i %1:</translation>
    </message>
    <message>
        <source>Where the website will serve the exported images. Fills the tools&apos; image columns; leave empty to attach the images by hand.</source>
        <translation>Hvor hjemmesiden viser de eksporterede billeder. Udfylder værktøjernes billedkolonner; lad feltet være tomt for at vedhæfte billederne i hånden.</translation>
    </message>
    <message>
        <source>Public image address:</source>
        <translation>Offentlig billedadresse:</translation>
    </message>
    <message>
        <source>Name the images after the original files</source>
        <translation>Navngiv billederne efter de originale filer</translation>
    </message>
    <message>
        <source>File names can name people or places; by default the images are named after the post.</source>
        <translation>Filnavne kan afsløre personer eller steder; som standard navngives billederne efter opslaget.</translation>
    </message>
    <message>
        <source>Name of the person who approved the post</source>
        <translation>Navnet på den, der godkendte opslaget</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Godkendt af:</translation>
    </message>
    <message>
        <source>Optional, e.g. KS 2026/123</source>
        <translation>Valgfrit, fx KS 2026/123</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>Journalnummer:</translation>
    </message>
    <message>
        <source>Also write the publication record as PDF/A</source>
        <translation>Skriv også publiceringsbilaget som PDF/A</translation>
    </message>
    <message>
        <source>Export despite these, with a reason</source>
        <translation>Eksportér alligevel, med en begrundelse</translation>
    </message>
    <message>
        <source>Your policy lets you export past these checks if you say why. The reason is saved in the publication record.</source>
        <translation>Jeres politik lader dig eksportere på trods af disse kontroller, hvis du skriver hvorfor. Begrundelsen gemmes i publiceringsbilaget.</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Begrundelse (påkrævet)</translation>
    </message>
    <message>
        <source>Reason for exporting despite: %1</source>
        <translation>Begrundelse for at eksportere trods: %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <source>Publication time</source>
        <translation>Publiceringstidspunkt</translation>
    </message>
    <message>
        <source>%1 reads “%2” as %3</source>
        <translation>%1 læser “%2” som %3</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>Vælg mappe til eksporten</translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation>Forbereder eksporten…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Writing image %1 of %2…</source>
        <translation>Skriver billede %1 af %2…</translation>
    </message>
    <message>
        <source>Writing the texts and the publication record…</source>
        <translation>Skriver teksterne og publiceringsbilaget…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <source>Files not written</source>
        <translation>Filer, der ikke blev skrevet</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>Skrevne filer</translation>
    </message>
    <message>
        <source>Do by hand:</source>
        <translation>Gør selv:</translation>
    </message>
    <message>
        <source>Do by hand</source>
        <translation>Gør i hånden</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Åbn mappen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>Eksporten blev annulleret. Intet blev skrevet.</translation>
    </message>
    <message>
        <source>The export failed. Nothing was written.</source>
        <translation>Eksporten mislykkedes. Intet blev skrevet.</translation>
    </message>
    <message>
        <source>Exported. Everything was checked and written.</source>
        <translation>Eksporteret. Alt er kontrolleret og skrevet.</translation>
    </message>
    <message>
        <source>Written to: %1</source>
        <translation>Gemt i: %1</translation>
    </message>
</context>
<context>
    <name>FaceBulk</name>
    <message numerus="yes">
        <source>Mark %n unknown face(s) as not identifiable?</source>
        <translation>
            <numerusform>Markér %n ukendt ansigt som ikke genkendeligt?</numerusform>
            <numerusform>Markér %n ukendte ansigter som ikke genkendelige?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n unknown face(s) on export?</source>
        <translation>
            <numerusform>Slør %n ukendt ansigt ved eksport?</numerusform>
            <numerusform>Slør %n ukendte ansigter ved eksport?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n face(s) on export?</source>
        <translation>
            <numerusform>Slør %n ansigt ved eksport?</numerusform>
            <numerusform>Slør %n ansigter ved eksport?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They are in %n photo(s).</source>
        <translation>
            <numerusform>De er i %n billede.</numerusform>
            <numerusform>De er i %n billeder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren) are left for you to decide: a child marked not identifiable still blocks the export, so blur them or say who they are.</source>
        <translation>
            <numerusform>%n muligt barn overlades til dig: et barn, der markeres som ikke genkendeligt, stopper stadig eksporten, så slør det eller angiv, hvem det er.</numerusform>
            <numerusform>%n mulige børn overlades til dig: et barn, der markeres som ikke genkendeligt, stopper stadig eksporten, så slør dem eller angiv, hvem de er.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this (Ctrl+Z).</source>
        <translation>Du kan fortryde det (Ctrl+Z).</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) marked not identifiable.</source>
        <translation>
            <numerusform>%n ansigt markeret som ikke genkendeligt.</numerusform>
            <numerusform>%n ansigter markeret som ikke genkendelige.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) blurred on export.</source>
        <translation>
            <numerusform>%n ansigt sløres ved eksport.</numerusform>
            <numerusform>%n ansigter sløres ved eksport.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren) left to decide.</source>
        <translation>
            <numerusform>%n muligt barn mangler en beslutning.</numerusform>
            <numerusform>%n mulige børn mangler en beslutning.</numerusform>
        </translation>
    </message>
    <message>
        <source>No face here is flagged as a possible child.</source>
        <translation>Intet ansigt her er markeret som muligt barn.</translation>
    </message>
    <message numerus="yes">
        <source>Confirm %n face(s) as adults</source>
        <translation>
            <numerusform>Bekræft %n ansigt som voksen</numerusform>
            <numerusform>Bekræft %n ansigter som voksne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) confirmed as adults.</source>
        <translation>
            <numerusform>%n ansigt bekræftet som voksen.</numerusform>
            <numerusform>%n ansigter bekræftet som voksne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo with Ctrl+Z.</source>
        <translation>Fortryd med Ctrl+Z.</translation>
    </message>
    <message numerus="yes">
        <source>Only possible children are undecided (%n): blur them or say who they are.</source>
        <translation>
            <numerusform>Kun et muligt barn mangler en beslutning (%n): slør det eller angiv, hvem det er.</numerusform>
            <numerusform>Kun mulige børn mangler en beslutning (%n): slør dem eller angiv, hvem de er.</numerusform>
        </translation>
    </message>
    <message>
        <source>No unknown faces to decide.</source>
        <translation>Ingen ukendte ansigter at beslutte.</translation>
    </message>
    <message>
        <source>Decide unknown faces</source>
        <translation>Beslutning om ukendte ansigter</translation>
    </message>
    <message>
        <source>Mark not identifiable</source>
        <translation>Markér som ikke genkendelige</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>Slør</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n face(s) not identifiable</source>
        <translation>
            <numerusform>Markér %n ansigt som ikke genkendeligt</numerusform>
            <numerusform>Markér %n ansigter som ikke genkendelige</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blur %n face(s)</source>
        <translation>
            <numerusform>Slør %n ansigt</numerusform>
            <numerusform>Slør %n ansigter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacePopup</name>
    <message>
        <source>Face %1 · %2</source>
        <translation>Ansigt %1 · %2</translation>
    </message>
    <message>
        <source>Possibly a child (estimated age %1). A child needs a guardian&apos;s consent, or blur the face.</source>
        <translation>Måske et barn (anslået alder %1). Et barn skal have samtykke fra forældre eller værge – ellers slør du ansigtet.</translation>
    </message>
    <message>
        <source>&amp;Who is this?</source>
        <translation>&amp;Hvem er det?</translation>
    </message>
    <message>
        <source>Search the consent registry…</source>
        <translation>Søg i samtykkeregistret…</translation>
    </message>
    <message>
        <source>People in the consent registry</source>
        <translation>Personer i samtykkeregistret</translation>
    </message>
    <message>
        <source>This is the person</source>
        <translation>Det er denne person</translation>
    </message>
    <message>
        <source>Not identifiable</source>
        <translation>Ikke genkendelig</translation>
    </message>
    <message>
        <source>Nobody can recognise this person (back, far away, out of focus).</source>
        <translation>Ingen kan genkende personen (bagfra, langt væk, uskarp).</translation>
    </message>
    <message>
        <source>Blur on export</source>
        <translation>Slør ved eksport</translation>
    </message>
    <message>
        <source>The face is pixelated in the exported image.</source>
        <translation>Ansigtet pixeleres i det eksporterede billede.</translation>
    </message>
    <message>
        <source>I have checked: this person is an adult</source>
        <translation>Jeg har tjekket: personen er voksen</translation>
    </message>
    <message>
        <source>Clear the decision</source>
        <translation>Fjern beslutningen</translation>
    </message>
    <message>
        <source>it is still opening</source>
        <translation>det åbnes stadig</translation>
    </message>
    <message>
        <source>The consent registry is not available (%1). You can still mark the face not identifiable or blur it.</source>
        <translation>Samtykkeregistret er ikke tilgængeligt (%1). Du kan stadig markere ansigtet som ikke genkendeligt eller sløre det.</translation>
    </message>
    <message>
        <source>★ %1 — likely match (distance %2)</source>
        <translation>★ %1 – sandsynligt match (afstand %2)</translation>
    </message>
    <message>
        <source>%1 (protected identity)</source>
        <translation>%1 (beskyttet identitet)</translation>
    </message>
    <message>
        <source>Nobody in the registry matches. Add the person and their consent in the consent registry (Ctrl+R).</source>
        <translation>Ingen i registret passer. Tilføj personen og samtykket i samtykkeregistret (Ctrl+R).</translation>
    </message>
    <message>
        <source>Looking for a match among people who agreed to face matching…</source>
        <translation>Leder efter et match blandt dem, der har sagt ja til ansigtsgenkendelse…</translation>
    </message>
    <message>
        <source>Face matching is not available: %1</source>
        <translation>Ansigtsgenkendelse er ikke tilgængelig: %1</translation>
    </message>
    <message>
        <source>Suggestions are only proposals: check before you pick.</source>
        <translation>Forslagene er kun forslag: tjek, før du vælger.</translation>
    </message>
    <message>
        <source>No likely match found.</source>
        <translation>Der blev ikke fundet noget sandsynligt match.</translation>
    </message>
    <message>
        <source>Remember it in the consent registry too</source>
        <translation>Gem det også i samtykkeregistret</translation>
    </message>
    <message>
        <source>Also remember in the consent registry that %1 is an adult</source>
        <translation>Gem også i samtykkeregistret, at %1 er voksen</translation>
    </message>
</context>
<context>
    <name>FindingDelegate</name>
    <message>
        <source>Go to fix</source>
        <translation>Ret det</translation>
    </message>
</context>
<context>
    <name>FindingGroups</name>
    <message numerus="yes">
        <source>%n photo(s) lack a photographer</source>
        <translation>
            <numerusform>%n billede mangler fotograf</numerusform>
            <numerusform>%n billeder mangler fotograf</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack their context (what, where, when)</source>
        <translation>
            <numerusform>%n billede mangler sammenhæng (hvad, hvor, hvornår)</numerusform>
            <numerusform>%n billeder mangler sammenhæng (hvad, hvor, hvornår)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have no source</source>
        <translation>
            <numerusform>%n billede mangler kilde</numerusform>
            <numerusform>%n billeder mangler kilde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack a licence</source>
        <translation>
            <numerusform>%n billede mangler licens</numerusform>
            <numerusform>%n billeder mangler licens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) lack alt text</source>
        <translation>
            <numerusform>%n billede mangler alternativ tekst</numerusform>
            <numerusform>%n billeder mangler alternativ tekst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have too long an alt text</source>
        <translation>
            <numerusform>%n billede har for lang alternativ tekst</numerusform>
            <numerusform>%n billeder har for lang alternativ tekst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alt text(s) start with “photo of”</source>
        <translation>
            <numerusform>%n alternativ tekst begynder med “billede af”</numerusform>
            <numerusform>%n alternative tekster begynder med “billede af”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are from an ongoing trip</source>
        <translation>
            <numerusform>%n billede er fra en igangværende rejse</numerusform>
            <numerusform>%n billeder er fra en igangværende rejse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have usage terms to read</source>
        <translation>
            <numerusform>%n billede har brugsvilkår, der skal læses</numerusform>
            <numerusform>%n billeder har brugsvilkår, der skal læses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) cannot be read</source>
        <translation>
            <numerusform>%n billede kan ikke læses</numerusform>
            <numerusform>%n billeder kan ikke læses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) have damaged metadata</source>
        <translation>
            <numerusform>%n billede har beskadigede metadata</numerusform>
            <numerusform>%n billeder har beskadigede metadata</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) may be damaged</source>
        <translation>
            <numerusform>%n billede kan være beskadiget</numerusform>
            <numerusform>%n billeder kan være beskadigede</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) carry a GPS position (removed on export)</source>
        <translation>
            <numerusform>%n billede indeholder en GPS-position (fjernes ved eksport)</numerusform>
            <numerusform>%n billeder indeholder en GPS-position (fjernes ved eksport)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) not checked yet</source>
        <translation>
            <numerusform>%n billede er ikke kontrolleret endnu</numerusform>
            <numerusform>%n billeder er ikke kontrolleret endnu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) do not fit a channel&apos;s shape</source>
        <translation>
            <numerusform>%n billede passer ikke til en kanals format</numerusform>
            <numerusform>%n billeder passer ikke til en kanals format</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown face(s)</source>
        <translation>
            <numerusform>%n ukendt ansigt</numerusform>
            <numerusform>%n ukendte ansigter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undecided face(s) in crowds</source>
        <translation>
            <numerusform>%n uafklaret ansigt i menneskemængder</numerusform>
            <numerusform>%n uafklarede ansigter i menneskemængder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible child(ren)</source>
        <translation>
            <numerusform>%n muligt barn</numerusform>
            <numerusform>%n mulige børn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) without a valid consent</source>
        <translation>
            <numerusform>%n ansigt uden gyldigt samtykke</numerusform>
            <numerusform>%n ansigter uden gyldigt samtykke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) need a guardian&apos;s consent</source>
        <translation>
            <numerusform>%n ansigt kræver en værges samtykke</numerusform>
            <numerusform>%n ansigter kræver en værges samtykke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) blurred on export</source>
        <translation>
            <numerusform>%n ansigt sløres ved eksport</numerusform>
            <numerusform>%n ansigter sløres ved eksport</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n photo(s)</source>
        <translation>
            <numerusform>i %n billede</numerusform>
            <numerusform>i %n billeder</numerusform>
        </translation>
    </message>
    <message>
        <source>Set for all</source>
        <translation>Angiv for alle</translation>
    </message>
    <message>
        <source>Decide all…</source>
        <translation>Afgør alle…</translation>
    </message>
    <message>
        <source>Blur all…</source>
        <translation>Slør alle…</translation>
    </message>
    <message>
        <source>Go to fix</source>
        <translation>Ret det</translation>
    </message>
    <message>
        <source>%1 · face %2</source>
        <translation>%1 · ansigt %2</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Post text</source>
        <translation>Opslagets tekst</translation>
    </message>
    <message>
        <source>The post</source>
        <translation>Opslaget</translation>
    </message>
    <message numerus="yes">
        <source>%n blocking</source>
        <translation>
            <numerusform>%n stopper</numerusform>
            <numerusform>%n stopper</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n at tjekke</numerusform>
            <numerusform>%n at tjekke</numerusform>
        </translation>
    </message>
    <message>
        <source>Face %1: %2</source>
        <translation>Ansigt %1: %2</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Show notes</source>
        <translation>Vis noter</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Fund</translation>
    </message>
    <message>
        <source>Add photos and write the post; what needs fixing shows up here.</source>
        <translation>Tilføj fotos og skriv opslaget – det, der skal rettes, vises her.</translation>
    </message>
    <message>
        <source>Checking images… %1 of %2</source>
        <translation>Kontrollerer billeder… %1 af %2</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) block the export</source>
        <translation>
            <numerusform>%n ting stopper eksporten</numerusform>
            <numerusform>%n ting stopper eksporten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n at tjekke</numerusform>
            <numerusform>%n at tjekke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing blocks. %n thing(s) to check.</source>
        <translation>
            <numerusform>Intet stopper. %n ting at tjekke.</numerusform>
            <numerusform>Intet stopper. %n ting at tjekke.</numerusform>
        </translation>
    </message>
    <message>
        <source>All clear: nothing blocks the export.</source>
        <translation>Klar: intet stopper eksporten.</translation>
    </message>
</context>
<context>
    <name>GuardianDialog</name>
    <message>
        <source>Add a guardian for %1</source>
        <translation>Tilføj forælder eller værge for %1</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Forælder</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Forældremyndighedsindehaver</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>Værge</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anden</translation>
    </message>
    <message>
        <source>Phone or e-mail (optional)</source>
        <translation>Telefon eller e-mail (valgfrit)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
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
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>Zoom the photo</source>
        <translation>Zoom i fotoet</translation>
    </message>
    <message>
        <source>Mouse wheel, + and − in the preview, 0 to fit</source>
        <translation>Musehjulet, + og − i forhåndsvisningen, 0 for at tilpasse</translation>
    </message>
    <message>
        <source>Select several photos (their fields are edited together)</source>
        <translation>Vælg flere billeder (deres felter redigeres samlet)</translation>
    </message>
    <message>
        <source>Shift or Ctrl with the arrows or a click in the image list; Ctrl+A selects all</source>
        <translation>Skift eller Ctrl med piletasterne eller et klik i billedlisten; Ctrl+A vælger alle</translation>
    </message>
    <message>
        <source>Remove the selected images</source>
        <translation>Fjern de markerede billeder</translation>
    </message>
    <message>
        <source>Delete in the image list</source>
        <translation>Delete i billedlisten</translation>
    </message>
    <message>
        <source>Pick the first person found in a face&apos;s search box</source>
        <translation>Vælg den første person, der findes i et ansigts søgefelt</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Save the person in photographer mode</source>
        <translation>Gem personen i fotograftilstand</translation>
    </message>
    <message>
        <source>Close the consent registry</source>
        <translation>Luk samtykkeregistret</translation>
    </message>
    <message>
        <source>Esc, Ctrl+W</source>
        <translation>Esc, Ctrl+W</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>About Prepub</source>
        <translation>Om Prepub</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Prepub %1&lt;/h3&gt;&lt;p&gt;Checks photos and post text against your organisation&apos;s policy before publication: location and camera data, faces and consent, children, ongoing trips, plain language and tone. It exports clean, publish-ready files.&lt;/p&gt;&lt;p&gt;Everything stays on this computer: Prepub never uses the network.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Prepub %1&lt;/h3&gt;&lt;p&gt;Kontrollerer fotos og opslagstekst op mod organisationens politik før publicering: placering og kameradata, ansigter og samtykker, børn, igangværende rejser, klart sprog og tone. Eksporterer rensede filer, der er klar til publicering.&lt;/p&gt;&lt;p&gt;Alt bliver på denne computer: Prepub bruger aldrig netværket.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImageStripView</name>
    <message>
        <source>Images in the post</source>
        <translation>Billeder i opslaget</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>No image selected</source>
        <translation>Intet billede valgt</translation>
    </message>
    <message numerus="yes">
        <source>%n photos selected</source>
        <translation>
            <numerusform>%n billede valgt</numerusform>
            <numerusform>%n billeder valgt</numerusform>
        </translation>
    </message>
    <message>
        <source>Several values</source>
        <translation>Flere værdier</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrolleres…</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Filen kan ikke læses: %1</translation>
    </message>
    <message>
        <source>Not in the file</source>
        <translation>Findes ikke i filen</translation>
    </message>
    <message>
        <source>Looking up the place… (%1, %2)</source>
        <translation>Slår stedet op… (%1, %2)</translation>
    </message>
    <message>
        <source>Unknown place (%1)</source>
        <translation>Ukendt sted (%1)</translation>
    </message>
    <message>
        <source>An empty GPS block (removed on export)</source>
        <translation>En tom GPS-blok (fjernes ved eksport)</translation>
    </message>
    <message>
        <source>No position in the file</source>
        <translation>Ingen position i filen</translation>
    </message>
    <message>
        <source>camera serial numbers</source>
        <translation>kameraets serienumre</translation>
    </message>
    <message>
        <source>the owner&apos;s name</source>
        <translation>ejerens navn</translation>
    </message>
    <message>
        <source>an embedded preview image</source>
        <translation>et indlejret eksempelbillede</translation>
    </message>
    <message>
        <source>named face regions</source>
        <translation>navngivne ansigtsområder</translation>
    </message>
    <message>
        <source>Also removed on export: %1</source>
        <translation>Fjernes også ved eksport: %1</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 tegn</translation>
    </message>
    <message>
        <source>What you type here applies to every selected photo.</source>
        <translation>Det, du skriver her, gælder alle valgte billeder.</translation>
    </message>
    <message>
        <source>About the photo</source>
        <translation>Om fotoet</translation>
    </message>
    <message>
        <source>From the file</source>
        <translation>Fra filen</translation>
    </message>
    <message>
        <source>&amp;Photographer:</source>
        <translation>&amp;Fotograf:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Hvad:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>H&amp;vor:</translation>
    </message>
    <message>
        <source>Whe&amp;n:</source>
        <translation>Hvor&amp;når:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Kilde:</translation>
    </message>
    <message>
        <source>&amp;Licence:</source>
        <translation>&amp;Licens:</translation>
    </message>
    <message>
        <source>&amp;Alt text:</source>
        <translation>&amp;Alternativ tekst:</translation>
    </message>
    <message>
        <source>Alt text p&amp;refix:</source>
        <translation>Alt-tekstens &amp;begyndelse:</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>&amp;Billedtekst:</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>Taget:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Sted:</translation>
    </message>
    <message>
        <source>Who took the photo?</source>
        <translation>Hvem tog fotoet?</translation>
    </message>
    <message>
        <source>What happens in the photo?</source>
        <translation>Hvad sker der på fotoet?</translation>
    </message>
    <message>
        <source>Where was it taken?</source>
        <translation>Hvor blev det taget?</translation>
    </message>
    <message>
        <source>When? (e.g. 2024-05-17)</source>
        <translation>Hvornår? (fx 2024-05-17)</translation>
    </message>
    <message>
        <source>Licence or agreement reference</source>
        <translation>Licens- eller aftalereference</translation>
    </message>
    <message>
        <source>Describe the photo for people who cannot see it</source>
        <translation>Beskriv fotoet for dem, der ikke kan se det</translation>
    </message>
    <message>
        <source>Optional caption, e.g. “Foto: Anna Svensson”</source>
        <translation>Billedtekst, hvis du vil, fx ”Foto: Anna Svensson”</translation>
    </message>
    <message>
        <source>Words put before each photo&apos;s alt text</source>
        <translation>Ord, der sættes foran hvert billedes alt-tekst</translation>
    </message>
    <message>
        <source>The location is removed on export</source>
        <translation>Placeringen fjernes ved eksport</translation>
    </message>
    <message>
        <source>The trip shown has ended (we never post from an ongoing trip)</source>
        <translation>Rejsen på billedet er slut (vi poster aldrig fra en igangværende rejse)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Blocks export</source>
        <translation>Stopper eksport</translation>
    </message>
    <message>
        <source>Check this</source>
        <translation>Tjek dette</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrolleres…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>Tjek</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Stoppet</translation>
    </message>
    <message>
        <source>Consent OK</source>
        <translation>Samtykke OK</translation>
    </message>
    <message>
        <source>Unknown person</source>
        <translation>Ukendt person</translation>
    </message>
    <message>
        <source>Possible minor</source>
        <translation>Måske et barn</translation>
    </message>
    <message>
        <source>Blurred on export</source>
        <translation>Sløres ved eksport</translation>
    </message>
    <message>
        <source>Not identifiable</source>
        <translation>Ikke genkendelig</translation>
    </message>
    <message>
        <source>Consent missing</source>
        <translation>Samtykke mangler</translation>
    </message>
    <message>
        <source>Too small to identify</source>
        <translation>For lille til at blive genkendt</translation>
    </message>
    <message>
        <source>Very easy to read</source>
        <translation>Meget let at læse</translation>
    </message>
    <message>
        <source>Easy to read</source>
        <translation>Let at læse</translation>
    </message>
    <message>
        <source>Fairly easy to read</source>
        <translation>Middel svær</translation>
    </message>
    <message>
        <source>Hard to read</source>
        <translation>Svær at læse</translation>
    </message>
    <message>
        <source>Very hard to read</source>
        <translation>Meget svær at læse</translation>
    </message>
    <message>
        <source>Readability unknown</source>
        <translation>Læsbarhed ukendt</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Blur on export</source>
        <translation>Slør ved eksport</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>Ikke besluttet</translation>
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
        <translation>Fra en samarbejdspartner</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Ansat</translation>
    </message>
    <message>
        <source>Elected representative</source>
        <translation>Folkevalgt</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Member of the public</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>External (partner, supplier)</source>
        <translation>Ekstern (partner, leverandør)</translation>
    </message>
    <message>
        <source>Consent valid</source>
        <translation>Samtykke gælder</translation>
    </message>
    <message>
        <source>Consent expires soon</source>
        <translation>Samtykket udløber snart</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Samtykket er udløbet</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Samtykket trukket tilbage</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Intet samtykke</translation>
    </message>
    <message>
        <source>Guardian&apos;s consent missing</source>
        <translation>Samtykke fra forælder/værge mangler</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Beskyttet identitet</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Gælder ikke endnu</translation>
    </message>
    <message>
        <source>the person is not in the registry</source>
        <translation>personen findes ikke i registret</translation>
    </message>
    <message>
        <source>the person was erased</source>
        <translation>personen er slettet</translation>
    </message>
    <message>
        <source>protected identity</source>
        <translation>beskyttet identitet</translation>
    </message>
    <message>
        <source>no consent registered</source>
        <translation>intet samtykke registreret</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>gælder endnu ikke</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>udløbet</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>trukket tilbage</translation>
    </message>
    <message>
        <source>a guardian must sign</source>
        <translation>en forælder eller værge skal underskrive</translation>
    </message>
    <message>
        <source>every custodian must sign</source>
        <translation>alle indehavere af forældremyndigheden skal underskrive</translation>
    </message>
    <message>
        <source>a channel is not covered</source>
        <translation>en kanal er ikke dækket</translation>
    </message>
    <message>
        <source>No face was found in the photo. Use a clear photo of the person&apos;s face.</source>
        <translation>Der blev ikke fundet noget ansigt på billedet. Brug et tydeligt billede af personens ansigt.</translation>
    </message>
    <message>
        <source>The photo shows more than one face. Use a photo of this person alone.</source>
        <translation>Billedet viser mere end ét ansigt. Brug et billede, hvor kun denne person ses.</translation>
    </message>
    <message>
        <source>The face in the photo could not be read. Try a sharper or larger photo.</source>
        <translation>Ansigtet på billedet kunne ikke læses. Prøv et skarpere eller større billede.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) block this photo</source>
        <translation>
            <numerusform>%n ting stopper dette billede</numerusform>
            <numerusform>%n ting stopper dette billede</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check in this photo</source>
        <translation>
            <numerusform>%n ting at tjekke i dette billede</numerusform>
            <numerusform>%n ting at tjekke i dette billede</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The policy file could not be used, so the built-in policy is used instead: %1</source>
        <translation>Politikfilen kunne ikke bruges, så den indbyggede politik bruges i stedet: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hovedværktøjer</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Åbn &amp;seneste</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>&amp;Samtykke</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Indstillinger</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>The consent registry could not be opened: %1. Faces can only be blurred or marked not identifiable.</source>
        <translation>Samtykkeregistret kunne ikke åbnes: %1. Ansigter kan kun sløres eller markeres som ikke genkendelige.</translation>
    </message>
    <message>
        <source>Face detection is not available in this installation (%1). Photos cannot be checked for people, so export is switched off.</source>
        <translation>Ansigtsgenkendelse findes ikke i denne installation (%1). Fotos kan ikke kontrolleres for personer, så eksporten er slået fra.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Fortryd %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gentag %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <source>Checking images…</source>
        <translation>Kontrollerer billeder…</translation>
    </message>
    <message>
        <source>Checking images… %1</source>
        <translation>Kontrollerer billeder… %1</translation>
    </message>
    <message>
        <source>Problem (%1): %2</source>
        <translation>Problem (%1): %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gemt %1</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Nyt opslag</translation>
    </message>
    <message>
        <source>Add photos or write the post first.</source>
        <translation>Tilføj fotos eller skriv opslaget først.</translation>
    </message>
    <message>
        <source>Wait until every image has been checked.</source>
        <translation>Vent, til alle billeder er kontrolleret.</translation>
    </message>
    <message>
        <source>Face detection is not available, so photos cannot be checked.</source>
        <translation>Ansigtsgenkendelse mangler, så fotoene kan ikke kontrolleres.</translation>
    </message>
    <message>
        <source>Prepub is still starting…</source>
        <translation>Prepub starter stadig…</translation>
    </message>
    <message>
        <source>Export is not available in this installation (%1).</source>
        <translation>Eksport findes ikke i denne installation (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) block the export. See the list on the right.</source>
        <translation>
            <numerusform>%n ting stopper eksporten. Se listen til højre.</numerusform>
            <numerusform>%n ting stopper eksporten. Se listen til højre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your policy allows exporting past the remaining items with a reason.</source>
        <translation>Jeres politik tillader eksport på trods af det resterende, hvis du giver en begrundelse.</translation>
    </message>
    <message>
        <source>Nothing blocks: export the post.</source>
        <translation>Intet stopper: eksportér opslaget.</translation>
    </message>
    <message>
        <source>Export with reasons…</source>
        <translation>Eksportér med begrundelse…</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Tilføj fotos</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Fotos (%1)</translation>
    </message>
    <message>
        <source>Load the post text</source>
        <translation>Hent opslagets tekst</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md)</source>
        <translation>Tekstfiler (*.txt *.md)</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) removed from the post. Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>%n billede fjernet fra opslaget. Fortryd med Ctrl+Z.</numerusform>
            <numerusform>%n billeder fjernet fra opslaget. Fortryd med Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message>
        <source>The post text has no suggestions to apply.</source>
        <translation>Opslagets tekst har ingen forslag at bruge.</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Nothing left to fix.</source>
        <translation>Intet tilbage at rette.</translation>
    </message>
    <message>
        <source>Mark not identifiable…</source>
        <translation>Markér som ikke genkendelige…</translation>
    </message>
    <message>
        <source>Blur on export…</source>
        <translation>Slør ved eksport…</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Redigér person</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Tilføj en person</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>This is a child (under 18)</source>
        <translation>Det er et barn (under 18)</translation>
    </message>
    <message>
        <source>Confirmed adult (someone checked a photo of them)</source>
        <translation>Bekræftet voksen (nogen har tjekket et foto)</translation>
    </message>
    <message>
        <source>Protected identity (never published identifiably)</source>
        <translation>Beskyttet identitet (offentliggøres aldrig, så personen kan genkendes)</translation>
    </message>
    <message>
        <source>Agreed to face matching (biometric data)</source>
        <translation>Har sagt ja til ansigtsgenkendelse (biometriske data)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <source>Birth year:</source>
        <translation>Fødselsår:</translation>
    </message>
</context>
<context>
    <name>PhotographerWindow</name>
    <message>
        <source>Photographer mode — Prepub</source>
        <translation>Fotograftilstand – Prepub</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>1. The shoot</source>
        <translation>1. Fotograferingen</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <source>e.g. Folkets park, Malmö</source>
        <translation>fx Fælledparken, København</translation>
    </message>
    <message>
        <source>e.g. Spring party</source>
        <translation>fx Forårsfest</translation>
    </message>
    <message>
        <source>Photographer:</source>
        <translation>Fotograf:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Dato:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Sted:</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Begivenhed:</translation>
    </message>
    <message>
        <source>Start the shoot</source>
        <translation>Start fotograferingen</translation>
    </message>
    <message>
        <source>Earlier shoots</source>
        <translation>Tidligere fotograferinger</translation>
    </message>
    <message>
        <source>Continue this shoot</source>
        <translation>Fortsæt denne fotografering</translation>
    </message>
    <message>
        <source>…or continue an earlier shoot:</source>
        <translation>…eller fortsæt en tidligere fotografering:</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>For- og efternavn</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>A child (under 18): a guardian signs</source>
        <translation>Et barn (under 18): forælder eller værge skriver under</translation>
    </message>
    <message>
        <source>Guardian&apos;s name</source>
        <translation>Forælderens eller værgens navn</translation>
    </message>
    <message>
        <source>Second guardian (when both must sign)</source>
        <translation>Anden forælder (når begge skal skrive under)</translation>
    </message>
    <message>
        <source>Second guardian</source>
        <translation>Anden forælder eller værge</translation>
    </message>
    <message>
        <source>Under %1, every custodian must sign.</source>
        <translation>Under %1 år skal alle med forældremyndighed skrive under.</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Hvem:</translation>
    </message>
    <message>
        <source>May be shown on:</source>
        <translation>Må vises på:</translation>
    </message>
    <message>
        <source>Agrees to face matching</source>
        <translation>Siger ja til ansigtsgenkendelse</translation>
    </message>
    <message>
        <source>Biometric data: only with this explicit consent is a reference photo stored, so Prepub can suggest the person in new photos.</source>
        <translation>Biometriske data: kun med dette udtrykkelige samtykke gemmes et referencefoto, så Prepub kan foreslå personen i nye fotos.</translation>
    </message>
    <message>
        <source>Reference photo…</source>
        <translation>Referencefoto…</translation>
    </message>
    <message>
        <source>Matching:</source>
        <translation>Genkendelse:</translation>
    </message>
    <message>
        <source>Signed form…</source>
        <translation>Underskrevet blanket…</translation>
    </message>
    <message>
        <source>no form chosen</source>
        <translation>ingen blanket valgt</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Underskrevet blanket</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Dokumentation:</translation>
    </message>
    <message>
        <source>…or note a verbal consent (who heard it, when)</source>
        <translation>…eller notér et mundtligt samtykke (hvem hørte det, hvornår)</translation>
    </message>
    <message>
        <source>Verbal consent</source>
        <translation>Mundtligt samtykke</translation>
    </message>
    <message>
        <source>Save person</source>
        <translation>Gem personen</translation>
    </message>
    <message>
        <source>Logged at this shoot:</source>
        <translation>Registreret ved denne fotografering:</translation>
    </message>
    <message>
        <source>Logged at this shoot</source>
        <translation>Registreret ved denne fotografering</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <source>Edit the selected person</source>
        <translation>Ret den valgte person</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Fjern…</translation>
    </message>
    <message>
        <source>Remove the selected person from the registry</source>
        <translation>Fjern den valgte person fra registret</translation>
    </message>
    <message>
        <source>Export consent sheet…</source>
        <translation>Eksportér samtykkefil…</translation>
    </message>
    <message>
        <source>The consent registry is not available: %1</source>
        <translation>Samtykkeregistret er ikke tilgængeligt: %1</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Det lykkedes ikke: %1</translation>
    </message>
    <message>
        <source>2. People at %1</source>
        <translation>2. Personer ved %1</translation>
    </message>
    <message>
        <source>%1 was erased from this laptop. They had not been sent to the team registry yet, and now never will be.</source>
        <translation>%1 er slettet fra denne computer. Personen var endnu ikke sendt til det fælles register og bliver det nu aldrig.</translation>
    </message>
    <message>
        <source>%1 was erased from the registry.</source>
        <translation>%1 er slettet fra registret.</translation>
    </message>
    <message>
        <source>%1 is already in the team registry: erasing them needs its server. Try again when it answers.</source>
        <translation>%1 er allerede i det fælles register: at slette personen kræver dets server. Prøv igen, når den svarer.</translation>
    </message>
    <message>
        <source>%1 is already in the team registry: changing them needs its server. Try again when it answers.</source>
        <translation>%1 er allerede i det fælles register: at ændre personen kræver dets server. Prøv igen, når den svarer.</translation>
    </message>
    <message>
        <source>%1 is in the team registry, and your role there does not allow erasing people: ask an admin of the team registry to erase them.</source>
        <translation>%1 er i det fælles register, og din rolle der tillader ikke at slette personer: bed en administrator af det fælles register om at slette personen.</translation>
    </message>
    <message>
        <source>%1 is in the team registry, and your role there does not allow changing people: ask an admin of the team registry to correct them.</source>
        <translation>%1 er i det fælles register, og din rolle der tillader ikke at ændre personer: bed en administrator af det fælles register om at rette oplysningerne.</translation>
    </message>
    <message>
        <source>A reference photo of this person</source>
        <translation>Et referencefoto af personen</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Fotos (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <source>Reading the face…</source>
        <translation>Læser ansigtet…</translation>
    </message>
    <message>
        <source>The signed consent form</source>
        <translation>Den underskrevne samtykkeblanket</translation>
    </message>
    <message>
        <source>Photos from %1 in our channels</source>
        <translation>Fotos fra %1 i vores kanaler</translation>
    </message>
    <message>
        <source>the shoot</source>
        <translation>fotograferingen</translation>
    </message>
    <message>
        <source>%1 is saved. Next person!</source>
        <translation>%1 er gemt. Næste person!</translation>
    </message>
    <message>
        <source>Save the consent sheet</source>
        <translation>Gem samtykkefilen</translation>
    </message>
    <message>
        <source>Consent sheets (*.prepub-consent.zip)</source>
        <translation>Samtykkefiler (*.prepub-consent.zip)</translation>
    </message>
    <message>
        <source>The consent sheet is saved: %1. Give this one file to the communicator.</source>
        <translation>Samtykkefilen er gemt: %1. Giv denne ene fil til kommunikationsmedarbejderen.</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>Post to:</source>
        <translation>Post på:</translation>
    </message>
    <message>
        <source>Apply suggestion</source>
        <translation>Brug forslaget</translation>
    </message>
    <message>
        <source>Apply the suggested fix at the cursor (Ctrl+.)</source>
        <translation>Brug forslaget ved markøren (Ctrl+.)</translation>
    </message>
    <message>
        <source>Load the post text</source>
        <translation>Hent opslagets tekst</translation>
    </message>
    <message>
        <source>The text checks are not available in this installation (%1).</source>
        <translation>Tekstkontrollen findes ikke i denne installation (%1).</translation>
    </message>
    <message>
        <source>LIX %1 · %2</source>
        <translation>LIX %1 · %2</translation>
    </message>
    <message>
        <source>LIX is a readability index: under 30 is very easy, 30–40 easy, 40–50 average, over 50 hard.</source>
        <translation>LIX er et læsbarhedsindeks: under 30 er meget let, 30–40 let, 40–50 middel og over 50 svært.</translation>
    </message>
    <message>
        <source>Choose at least one channel</source>
        <translation>Vælg mindst én kanal</translation>
    </message>
    <message>
        <source>Replace with “%1”</source>
        <translation>Erstat med ”%1”</translation>
    </message>
</context>
<context>
    <name>PostSession</name>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation>
            <numerusform>Tilføj %n billede</numerusform>
            <numerusform>Tilføj %n billeder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>Fjern %n billede</numerusform>
            <numerusform>Fjern %n billeder</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Ændr %1</translation>
    </message>
    <message numerus="yes">
        <source>Change %1 on %n photos</source>
        <translation>
            <numerusform>Ændr %1 på %n billede</numerusform>
            <numerusform>Ændr %1 på %n billeder</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply the template “%1”</source>
        <translation>Anvend skabelonen ”%1”</translation>
    </message>
    <message>
        <source>Decide face %1</source>
        <translation>Beslutning om ansigt %1</translation>
    </message>
    <message numerus="yes">
        <source>Decide %n faces</source>
        <translation>
            <numerusform>Beslutning om %n ansigt</numerusform>
            <numerusform>Beslutning om %n ansigter</numerusform>
        </translation>
    </message>
    <message>
        <source>Remembered in the consent registry as an adult: %1</source>
        <translation>Gemt i samtykkeregistret som voksen: %1</translation>
    </message>
    <message>
        <source>Not remembered in the consent registry: %1</source>
        <translation>Ikke gemt i samtykkeregistret: %1</translation>
    </message>
    <message>
        <source>The trip has ended</source>
        <translation>Rejsen er slut</translation>
    </message>
    <message>
        <source>The trip has not ended</source>
        <translation>Rejsen er ikke slut</translation>
    </message>
    <message>
        <source>Change channels</source>
        <translation>Ændr kanaler</translation>
    </message>
    <message>
        <source>Change the text&apos;s language</source>
        <translation>Ændr tekstens sprog</translation>
    </message>
</context>
<context>
    <name>PostTextEdit</name>
    <message>
        <source>Write the post here. Prepub checks it as you type.</source>
        <translation>Skriv opslaget her. Prepub kontrollerer teksten, mens du skriver.</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Opslagets tekst</translation>
    </message>
    <message>
        <source>Edit the post text</source>
        <translation>Rediger opslagets tekst</translation>
    </message>
    <message>
        <source>Suggestion: “%1”</source>
        <translation>Forslag: ”%1”</translation>
    </message>
    <message>
        <source>Replace with “%1”</source>
        <translation>Erstat med ”%1”</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Mark all not identifiable (except possible children)…</source>
        <translation>Markér alle som ikke genkendelige (undtagen mulige børn)…</translation>
    </message>
    <message>
        <source>Blur all on export…</source>
        <translation>Slør alle ved eksport…</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom ud (Ctrl+-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Tilpas</translation>
    </message>
    <message>
        <source>Several faces</source>
        <translation>Flere ansigter</translation>
    </message>
    <message>
        <source>Decide the undecided faces of this photo at once, or confirm its possible children are adults</source>
        <translation>Afgør alle uafgjorte ansigter i billedet på én gang, eller bekræft at dets mulige børn er voksne</translation>
    </message>
    <message>
        <source>Confirm possible children are adults…</source>
        <translation>Bekræft at mulige børn er voksne…</translation>
    </message>
    <message>
        <source>Fit the photo in the window (Ctrl+0)</source>
        <translation>Tilpas fotoet til vinduet (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom ind (Ctrl++)</translation>
    </message>
    <message>
        <source>No faces found in this photo.</source>
        <translation>Der blev ikke fundet ansigter på fotoet.</translation>
    </message>
    <message>
        <source>Click a face to decide.</source>
        <translation>Klik på et ansigt for at beslutte.</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>Image preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>Billedet kan ikke vises: %1</translation>
    </message>
    <message>
        <source>Select an image in the list to see it here.</source>
        <translation>Vælg et billede i listen for at se det her.</translation>
    </message>
    <message>
        <source>Drop photos or a folder here
(or press Ctrl+I to add images)</source>
        <translation>Slip fotos eller en mappe her
(eller tryk Ctrl+I for at tilføje billeder)</translation>
    </message>
</context>
<context>
    <name>ProgressStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
<context>
    <name>RegistryPasswordDialog</name>
    <message>
        <source>Team registry password</source>
        <translation>Adgangskode til det fælles register</translation>
    </message>
    <message>
        <source>The team registry asks for the password of %1. It is used until Prepub closes and is not stored.</source>
        <translation>Det fælles register beder om adgangskoden til %1. Den bruges, indtil Prepub lukkes, og gemmes ikke.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Forbind</translation>
    </message>
    <message>
        <source>Work without it</source>
        <translation>Arbejd uden det</translation>
    </message>
</context>
<context>
    <name>RegistryWindow</name>
    <message>
        <source>Consent registry — Prepub</source>
        <translation>Samtykkeregister – Prepub</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Search people…</source>
        <translation>Søg personer…</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Søg efter personer</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Tilføj person…</translation>
    </message>
    <message>
        <source>Import consent sheet…</source>
        <translation>Importér samtykkefil…</translation>
    </message>
    <message>
        <source>People in the registry</source>
        <translation>Personer i registret</translation>
    </message>
    <message>
        <source>Select a person</source>
        <translation>Vælg en person</translation>
    </message>
    <message>
        <source>Add guardian…</source>
        <translation>Tilføj forælder/værge…</translation>
    </message>
    <message>
        <source>Consents of the selected person</source>
        <translation>Den valgte persons samtykker</translation>
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
        <translation>Givet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Udløber</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Underskrevet af</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Add consent…</source>
        <translation>Tilføj samtykke…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Træk samtykke tilbage…</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>Redigér person…</translation>
    </message>
    <message>
        <source>Reference photo…</source>
        <translation>Referencebillede…</translation>
    </message>
    <message>
        <source>A photo of this person&apos;s face, so Prepub can suggest them in new photos (only with their consent to face matching)</source>
        <translation>Et billede af personens ansigt, så Prepub kan foreslå personen på nye billeder (kun med samtykke til ansigtsgenkendelse)</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>Slet person…</translation>
    </message>
    <message>
        <source>The consent registry is not available: %1</source>
        <translation>Samtykkeregistret er ikke tilgængeligt: %1</translation>
    </message>
    <message>
        <source>it is still opening</source>
        <translation>det åbnes stadig</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Det lykkedes ikke: %1</translation>
    </message>
    <message>
        <source>The registry is empty. Add a person or import a photographer&apos;s consent sheet.</source>
        <translation>Registret er tomt. Tilføj en person eller importér en fotografs samtykkefil.</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>født %1</translation>
    </message>
    <message>
        <source>child</source>
        <translation>barn</translation>
    </message>
    <message>
        <source>adult (confirmed from a photo)</source>
        <translation>voksen (bekræftet ud fra et foto)</translation>
    </message>
    <message>
        <source>protected identity: never published identifiably</source>
        <translation>beskyttet identitet: offentliggøres aldrig, så personen kan genkendes</translation>
    </message>
    <message>
        <source>agreed to face matching</source>
        <translation>har sagt ja til ansigtsgenkendelse</translation>
    </message>
    <message>
        <source>no face matching</source>
        <translation>ingen ansigtsgenkendelse</translation>
    </message>
    <message numerus="yes">
        <source>%n reference photo(s)</source>
        <translation>
            <numerusform>%n referencebillede</numerusform>
            <numerusform>%n referencebilleder</numerusform>
        </translation>
    </message>
    <message>
        <source>Guardians: %1</source>
        <translation>Forældre/værger: %1</translation>
    </message>
    <message>
        <source>No guardians registered.</source>
        <translation>Ingen forældre eller værger registreret.</translation>
    </message>
    <message>
        <source>until withdrawn</source>
        <translation>indtil det trækkes tilbage</translation>
    </message>
    <message>
        <source>verbal: %1</source>
        <translation>mundtligt: %1</translation>
    </message>
    <message>
        <source>Withdrawn %1: %2</source>
        <translation>Trukket tilbage %1: %2</translation>
    </message>
    <message>
        <source>%1 was added. Now add their consent.</source>
        <translation>%1 er tilføjet. Tilføj nu samtykket.</translation>
    </message>
    <message>
        <source>A reference photo of this person</source>
        <translation>Et referencebillede af personen</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Billeder (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <source>Reading the face…</source>
        <translation>Læser ansigtet…</translation>
    </message>
    <message>
        <source>A reference photo of %1 is stored.</source>
        <translation>Et referencebillede af %1 er gemt.</translation>
    </message>
    <message>
        <source>The consent was saved.</source>
        <translation>Samtykket er gemt.</translation>
    </message>
    <message>
        <source>%1: %2, given %3</source>
        <translation>%1: %2, givet %3</translation>
    </message>
    <message>
        <source>The consent was withdrawn. It was used in these earlier exports; take the posts down where they are published:</source>
        <translation>Samtykket er trukket tilbage. Det blev brugt i disse tidligere eksporter – fjern opslagene, hvor de er publiceret:</translation>
    </message>
    <message>
        <source>The consent was withdrawn. No earlier export used it.</source>
        <translation>Samtykket er trukket tilbage. Ingen tidligere eksport brugte det.</translation>
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
            <numerusform>%n samtykke</numerusform>
            <numerusform>%n samtykker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guardian(s)</source>
        <translation>
            <numerusform>%n værge</numerusform>
            <numerusform>%n værger</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent sheet imported: %1 added.</source>
        <translation>Samtykkearket er importeret: %1 tilføjet.</translation>
    </message>
    <message>
        <source>Consent sheet imported: nothing new, everything in it was already in the registry.</source>
        <translation>Samtykkearket er importeret: intet nyt, alt i det fandtes allerede i registret.</translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) withdrawn as the sheet says.</source>
        <translation>
            <numerusform>%n samtykke trukket tilbage, som arket siger.</numerusform>
            <numerusform>%n samtykker trukket tilbage, som arket siger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) were not applied because a later withdrawal here stands.</source>
        <translation>
            <numerusform>%n samtykke blev ikke brugt, fordi en senere tilbagetrækning her gælder.</numerusform>
            <numerusform>%n samtykker blev ikke brugt, fordi en senere tilbagetrækning her gælder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check:</source>
        <translation>
            <numerusform>%n ting at tjekke:</numerusform>
            <numerusform>%n ting at tjekke:</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Slet person</translation>
    </message>
    <message>
        <source>Delete %1 from the registry? Their name, details, face references and evidence files are erased for good. The audit log keeps only a trace without personal data.</source>
        <translation>Slet %1 fra registret? Navn, oplysninger, ansigtsreferencer og dokumentation slettes for altid. Loggen beholder kun et spor uden personoplysninger.</translation>
    </message>
    <message>
        <source>%1 was erased from the registry.</source>
        <translation>%1 er slettet fra registret.</translation>
    </message>
    <message>
        <source>Import a consent sheet</source>
        <translation>Importér en samtykkefil</translation>
    </message>
    <message>
        <source>Consent sheets (*.prepub-consent.zip *.zip)</source>
        <translation>Samtykkefiler (*.prepub-consent.zip *.zip)</translation>
    </message>
    <message>
        <source>%1 differs for a person (here “%2”, in the sheet “%3”); the local value was kept.</source>
        <translation>%1 er forskellig for en person (her ”%2”, i filen ”%3”); den lokale værdi blev beholdt.</translation>
    </message>
    <message>
        <source>A person in the sheet was erased here and was not imported again.</source>
        <translation>En person i filen er slettet her og blev ikke importeret igen.</translation>
    </message>
    <message>
        <source>“%1” in the sheet has the same name as someone here: check whether they are the same person.</source>
        <translation>”%1” i filen har samme navn som en her: tjek, om det er den samme person.</translation>
    </message>
    <message>
        <source>A consent differs (%1); the local record was kept.</source>
        <translation>Et samtykke er forskelligt (%1); den lokale oplysning blev beholdt.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Politik</translation>
    </message>
    <message>
        <source>Policy file</source>
        <translation>Politikfil</translation>
    </message>
    <message>
        <source>Built-in policy (%1)</source>
        <translation>Indbygget politik (%1)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Use built-in</source>
        <translation>Brug indbygget</translation>
    </message>
    <message>
        <source>Home base (for the “no posts from an ongoing trip” rule)</source>
        <translation>Hjemsted (til reglen ”ingen opslag fra igangværende rejser”)</translation>
    </message>
    <message>
        <source>Use my own home base instead of the policy&apos;s</source>
        <translation>Brug mit eget hjemsted i stedet for politikkens</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Sted:</translation>
    </message>
    <message>
        <source>Latitude:</source>
        <translation>Breddegrad:</translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation>Længdegrad:</translation>
    </message>
    <message>
        <source>Counts as home within:</source>
        <translation>Regnes som hjemme inden for:</translation>
    </message>
    <message>
        <source>Channels ticked for a new post</source>
        <translation>Kanaler, der er valgt på forhånd til et nyt opslag</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Som systemet (%1)</translation>
    </message>
    <message>
        <source>Language of the app:</source>
        <translation>Programmets sprog:</translation>
    </message>
    <message>
        <source>Consent registry</source>
        <translation>Samtykkeregister</translation>
    </message>
    <message>
        <source>Team registry address</source>
        <translation>Adresse på det fælles register</translation>
    </message>
    <message>
        <source>Empty: the personal registry on this computer</source>
        <translation>Tomt: det personlige register på denne computer</translation>
    </message>
    <message>
        <source>A team registry on PostgreSQL, e.g. postgresql://name@server/prepub?sslrootcert=CA-file. Store your password once with “prepub registry login”.</source>
        <translation>Et fælles register i PostgreSQL, f.eks. postgresql://navn@server/prepub?sslrootcert=CA-fil. Gem din adgangskode én gang med »prepub registry login«.</translation>
    </message>
    <message>
        <source>The address must not contain a password (it would be stored as plain text). Store the password with “prepub registry login”.</source>
        <translation>Adressen må ikke indeholde en adgangskode (den ville blive gemt som almindelig tekst). Gem adgangskoden med »prepub registry login«.</translation>
    </message>
    <message>
        <source>The address must name the database, e.g. postgresql://name@server/prepub.</source>
        <translation>Adressen skal angive databasen, f.eks. postgresql://navn@server/prepub.</translation>
    </message>
    <message>
        <source>Leave it empty for the personal registry on this computer, or give a team registry&apos;s address: postgresql://name@server/prepub.</source>
        <translation>Lad feltet stå tomt for det personlige register på denne computer, eller angiv adressen på et fælles register: postgresql://navn@server/prepub.</translation>
    </message>
    <message>
        <source>This time Prepub uses the registry given when it was started (--registry %1); this address is used from the next start.</source>
        <translation>Denne gang bruger Prepub det register, der blev angivet ved start (--registry %1); denne adresse bruges fra næste start.</translation>
    </message>
    <message>
        <source>A team registry: the password comes from the system keyring, or Prepub asks for it.</source>
        <translation>Et fælles register: adgangskoden hentes fra systemets nøglering, ellers spørger Prepub efter den.</translation>
    </message>
    <message>
        <source>The personal registry on this computer is used.</source>
        <translation>Det personlige register på denne computer bruges.</translation>
    </message>
    <message>
        <source>The organisation&apos;s policy file</source>
        <translation>Organisationens politikfil</translation>
    </message>
    <message>
        <source>Policy files (*.toml)</source>
        <translation>Politikfiler (*.toml)</translation>
    </message>
    <message>
        <source>The built-in policy is used.</source>
        <translation>Den indbyggede politik bruges.</translation>
    </message>
    <message>
        <source>This policy file cannot be used: %1</source>
        <translation>Politikfilen kan ikke bruges: %1</translation>
    </message>
    <message>
        <source>The policy file is valid.</source>
        <translation>Politikfilen er gyldig.</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sync now</source>
        <translation>Synkronisér nu</translation>
    </message>
    <message>
        <source>Send the entries on this laptop to the team registry now</source>
        <translation>Send posterne på denne computer til det fælles register nu</translation>
    </message>
    <message numerus="yes">
        <source>Offline: what you log is kept on this laptop and sent when the team registry answers. %n entry(ies) waiting to sync.</source>
        <translation>
            <numerusform>Offline: det, du registrerer, gemmes på denne computer og sendes, når det fælles register svarer. %n post venter på synkronisering.</numerusform>
            <numerusform>Offline: det, du registrerer, gemmes på denne computer og sendes, når det fælles register svarer. %n poster venter på synkronisering.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n entry(ies) to the team registry…</source>
        <translation>
            <numerusform>Sender %n post til det fælles register…</numerusform>
            <numerusform>Sender %n poster til det fælles register…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shoot(s) waiting to sync.</source>
        <translation>
            <numerusform>%n fotografering venter på synkronisering.</numerusform>
            <numerusform>%n fotograferinger venter på synkronisering.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) waiting to sync.</source>
        <translation>
            <numerusform>%n post venter på synkronisering.</numerusform>
            <numerusform>%n poster venter på synkronisering.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the team registry: %n new record(s).</source>
        <translation>
            <numerusform>Sendt til det fælles register: %n ny oplysning.</numerusform>
            <numerusform>Sendt til det fælles register: %n nye oplysninger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) were not sent because the team registry holds a later withdrawal.</source>
        <translation>
            <numerusform>%n samtykke blev ikke sendt, fordi det fælles register har en senere tilbagetrækning.</numerusform>
            <numerusform>%n samtykker blev ikke sendt, fordi det fælles register har en senere tilbagetrækning.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to check:</source>
        <translation>
            <numerusform>%n ting at tjekke:</numerusform>
            <numerusform>%n ting at tjekke:</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced: %1</source>
        <translation>Ikke synkroniseret: %1</translation>
    </message>
    <message>
        <source>%1 differs (team registry “%2”, this laptop “%3”); the team registry&apos;s value was kept.</source>
        <translation>%1 er forskellig (det fælles register »%2«, denne computer »%3«); det fælles registers værdi blev beholdt.</translation>
    </message>
    <message>
        <source>A person logged on this laptop was erased in the team registry and was not sent again.</source>
        <translation>En person, der blev registreret på denne computer, er slettet i det fælles register og blev ikke sendt igen.</translation>
    </message>
    <message>
        <source>“%1” has the same name as someone in the team registry: check whether they are the same person.</source>
        <translation>»%1« har samme navn som en person i det fælles register: kontrollér, om det er den samme person.</translation>
    </message>
    <message>
        <source>A consent differs (%1); the team registry&apos;s record was kept.</source>
        <translation>Et samtykke er forskelligt (%1); det fælles registers oplysning blev beholdt.</translation>
    </message>
</context>
<context>
    <name>TeamLink</name>
    <message>
        <source>Offline: the team registry cannot be reached (%1), and this computer has no copy of it yet. Faces can only be blurred or marked not identifiable until it answers.</source>
        <translation>Offline: det fælles register kan ikke nås (%1), og denne computer har endnu ingen kopi af det. Ansigter kan kun sløres eller markeres som ikke genkendelige, indtil det svarer.</translation>
    </message>
    <message numerus="yes">
        <source>Offline: using the copy of the team registry from %1 (%n hour(s) old). Changes made since then are not in it; Prepub connects again when the server answers.</source>
        <translation>
            <numerusform>Offline: bruger kopien af det fælles register fra %1 (%n time gammel). Ændringer foretaget siden da er ikke med; Prepub forbinder igen, når serveren svarer.</numerusform>
            <numerusform>Offline: bruger kopien af det fælles register fra %1 (%n timer gammel). Ændringer foretaget siden da er ikke med; Prepub forbinder igen, når serveren svarer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamTarget</name>
    <message>
        <source>Preparing the queue on this laptop…</source>
        <translation>Forbereder køen på denne computer…</translation>
    </message>
    <message>
        <source>it is still opening</source>
        <translation>det åbnes stadig</translation>
    </message>
</context>
<context>
    <name>TemplateButton</name>
    <message>
        <source>Templates</source>
        <translation>Skabeloner</translation>
    </message>
    <message>
        <source>Event templates: the photographer, context, source, caption and alt text prefix of a recurring event, applied in one step</source>
        <translation>Begivenhedsskabeloner: fotograf, sammenhæng, kilde, billedtekst og alt-tekstens indledning for en tilbagevendende begivenhed, i ét trin</translation>
    </message>
    <message>
        <source>Event templates</source>
        <translation>Begivenhedsskabeloner</translation>
    </message>
    <message>
        <source>The templates cannot be read: %1</source>
        <translation>Skabelonerne kan ikke læses: %1</translation>
    </message>
    <message>
        <source>Apply “%1”</source>
        <translation>Anvend ”%1”</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>Ingen skabeloner endnu</translation>
    </message>
    <message>
        <source>Save these fields as a template…</source>
        <translation>Gem felterne som en skabelon…</translation>
    </message>
    <message>
        <source>Delete a template</source>
        <translation>Slet en skabelon</translation>
    </message>
    <message numerus="yes">
        <source>Template “%1” applied to %n photo(s).</source>
        <translation>
            <numerusform>Skabelonen ”%1” er anvendt på %n billede.</numerusform>
            <numerusform>Skabelonen ”%1” er anvendt på %n billeder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Template “%1” changes nothing here.</source>
        <translation>Skabelonen ”%1” ændrer intet her.</translation>
    </message>
    <message>
        <source>Save as a template</source>
        <translation>Gem som skabelon</translation>
    </message>
    <message>
        <source>Name of the event template (e.g. “Council meeting”):</source>
        <translation>Skabelonens navn (f.eks. ”Byrådsmøde”):</translation>
    </message>
    <message>
        <source>There is already a template “%1”. Replace it?</source>
        <translation>Der findes allerede en skabelon ”%1”. Vil du erstatte den?</translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation>Skabelonen blev ikke gemt: %1</translation>
    </message>
    <message>
        <source>Template “%1” saved.</source>
        <translation>Skabelonen ”%1” er gemt.</translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>Slet skabelonen ”%1”?</translation>
    </message>
    <message>
        <source>Template “%1” deleted.</source>
        <translation>Skabelonen ”%1” er slettet.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Træk samtykke tilbage</translation>
    </message>
    <message>
        <source>Withdrawing stops every future export that relies on this consent. Posts already published are listed afterwards so you can take them down.</source>
        <translation>En tilbagetrækning stopper alle fremtidige eksporter, der bygger på samtykket. Opslag, der allerede er publiceret, vises bagefter, så du kan fjerne dem.</translation>
    </message>
    <message>
        <source>Why? (e.g. asked by phone on 3 May)</source>
        <translation>Hvorfor? (fx bad om det i telefonen den 3. maj)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begrundelse:</translation>
    </message>
</context>
</TS>
