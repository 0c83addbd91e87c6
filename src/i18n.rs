//! The interface's own strings, one table per locale. Everything else the visitor reads comes
//! from the assessment file.

use sextant_engine::typed::show_grouped;

/// The interface strings of one locale.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// The locale these strings are in.
    pub locale: &'static str,
    /// Welcome: the start button.
    pub start: &'static str,
    /// Welcome: how long it takes, before the number of minutes.
    pub minutes: &'static str,
    /// Welcome: what happens to the answers.
    pub privacy: &'static str,
    /// The same, when the host offers "Send my result"; `{site}` is where it goes.
    pub privacy_submit: &'static str,
    /// Navigation.
    pub next: &'static str,
    /// Navigation.
    pub back: &'static str,
    /// Navigation on the last step.
    pub see_results: &'static str,
    /// "Step {n} of {m}": the words around the numbers.
    pub step: &'static str,
    /// "Step {n} of {m}": the word between the numbers.
    pub of: &'static str,
    /// The "don't know" choice.
    pub dont_know: &'static str,
    /// The report heading.
    pub results: &'static str,
    /// The heading of a shared report: someone's results, not the visitor's.
    pub shared_results: &'static str,
    /// The scores table caption.
    pub scores: &'static str,
    /// The dimension column header.
    pub dimension: &'static str,
    /// The score column header.
    pub score: &'static str,
    /// A score built on too few answers.
    pub not_enough: &'static str,
    /// A dimension none of whose questions was shown to the visitor.
    pub does_not_apply: &'static str,
    /// The load error's lead.
    pub load_error: &'static str,
    /// The panic box's lead.
    pub crashed: &'static str,
    /// The language switch's label.
    pub language: &'static str,
    /// Close a message.
    pub close: &'static str,
    /// A heat-map cell left out of the judgement on purpose.
    pub exempt: &'static str,
    /// The panic box's copy button.
    pub copy_details: &'static str,
    /// When the browser would not copy the panic box's details.
    pub copy_details_failed: &'static str,
    /// Send my result.
    pub send: &'static str,
    /// The default consent text.
    pub consent: &'static str,
    /// Why sending is not possible yet.
    pub consent_needed: &'static str,
    /// While sending.
    pub sending: &'static str,
    /// After sending.
    pub sent: &'static str,
    /// A failed send, before why.
    pub send_failed: &'static str,
    /// Why sending failed: the host's address is not one.
    pub send_bad_address: &'static str,
    /// Why sending failed: the browser is offline.
    pub send_offline: &'static str,
    /// Why sending failed: no answer from the server (it cannot be reached, or CORS refused).
    pub send_unreachable: &'static str,
    /// Why sending failed: no complete answer in time (`{n}` seconds).
    pub send_timeout: &'static str,
    /// Why sending failed: an error status `{n}`.
    pub send_status: &'static str,
    /// Retry button.
    pub retry: &'static str,
    /// The send button once the result has been sent.
    pub sent_button: &'static str,
    /// A number's allowed range, before it.
    pub allowed: &'static str,
    /// A number outside its range, with `{min}` and `{max}`.
    pub out_of_range: &'static str,
    /// Points that are not a whole number from 0 to `{max}`.
    pub out_of_range_points: &'static str,
    /// Welcome: continue a saved scan.
    pub resume: &'static str,
    /// Welcome: how much was saved, before the count.
    pub saved_progress: &'static str,
    /// Start over.
    pub start_over: &'static str,
    /// Delete the saved answers.
    pub delete_answers: &'static str,
    /// Confirmation question for starting over.
    pub confirm_start_over: &'static str,
    /// Confirmation question for deleting.
    pub confirm_delete: &'static str,
    /// Confirm start over.
    pub yes_start_over: &'static str,
    /// Confirm delete.
    pub yes_delete: &'static str,
    /// Cancel.
    pub cancel: &'static str,
    /// After deleting.
    pub deleted: &'static str,
    /// Saved state that could not be read.
    pub set_aside_corrupt: &'static str,
    /// Saved state that could not be read, and could not be kept aside.
    pub corrupt_not_kept: &'static str,
    /// Another tab saved a value that could not be read; a copy was set aside.
    pub other_tab_kept: &'static str,
    /// The same, when no copy could be set aside.
    pub other_tab_not_kept: &'static str,
    /// Saved state of another version, before the version.
    pub set_aside_version: &'static str,
    /// Answers that no longer fit, before the count.
    pub skipped_answers: &'static str,
    /// After the skipped answers, when the saved value could not be set aside.
    pub skipped_not_kept: &'static str,
    /// No storage.
    pub storage_unavailable: &'static str,
    /// Saving failed (the browser's storage is full).
    pub not_saved: &'static str,
    /// After `not_saved`: a save worked again.
    pub saved_again: &'static str,
    /// The step index's label.
    pub steps: &'static str,
    /// Allocation: points left, before the number.
    pub points_left: &'static str,
    /// Allocation: between given and total.
    pub points_of: &'static str,
    /// Allocation: too many points, before the number.
    pub too_many_points: &'static str,
    /// Why the visitor cannot go on.
    pub fix_points: &'static str,
    /// Multiple choice: how many to tick, with `{min}` and `{max}`.
    pub choose_at_least: &'static str,
    /// The same, with only a maximum.
    pub choose_at_most: &'static str,
    /// The same, with both.
    pub choose_between: &'static str,
    /// The same, when both are `{n}`.
    pub choose_exactly: &'static str,
    /// After the rule: how many are ticked.
    pub chosen_count: &'static str,
    /// After the rule, when a box was ticked beyond the maximum.
    pub choose_full: &'static str,
    /// Allocation: minus button's label prefix.
    pub less: &'static str,
    /// Allocation: plus button's label prefix.
    pub more: &'static str,
    /// Level: the current level.
    pub current: &'static str,
    /// Level: the desired level.
    pub desired: &'static str,
    /// Level: the group of current levels.
    pub current_level: &'static str,
    /// Level: the group of desired levels.
    pub desired_level: &'static str,
    /// Level: below a question with a desired level, until the current one is chosen.
    pub desired_after_current: &'static str,
    /// The headline's label.
    pub headline: &'static str,
    /// Heading of the assessment's labelled computed values on the report.
    pub key_figures: &'static str,
    /// Recommendations heading.
    pub recommendations: &'static str,
    /// When nothing triggered.
    pub no_recommendations: &'static str,
    /// The recommendations after the first few: one more.
    pub one_more_recommendation: &'static str,
    /// The recommendations after the first few; `{n}` is how many.
    pub more_recommendations: &'static str,
    /// Why a recommendation shows.
    pub why: &'static str,
    /// The trigger's conditions.
    pub conditions: &'static str,
    /// A condition that held.
    pub met: &'static str,
    /// A condition that did not hold.
    pub not_met: &'static str,
    /// A condition that could not be decided.
    pub unknown: &'static str,
    /// Before a recommendation's rule as the assessment writes it.
    pub rule: &'static str,
    /// The answers behind it.
    pub answers_behind: &'static str,
    /// Open the contributions of a score.
    pub what_moved: &'static str,
    /// Contribution points.
    pub points: &'static str,
    /// Contribution: of the maximum.
    pub of_max: &'static str,
    /// Coverage label.
    pub coverage: &'static str,
    /// Band column header.
    pub level: &'static str,
    /// The word on an estimate.
    pub estimate: &'static str,
    /// A value that is unknown.
    pub no_value: &'static str,
    /// Before a benchmark's source, under the scores ("Sector average — source: …").
    pub benchmark_source: &'static str,
    /// Print button.
    pub print: &'static str,
    /// Export answers and results.
    pub export_json: &'static str,
    /// Export scores.
    pub export_csv: &'static str,
    /// Import an export.
    pub import: &'static str,
    /// After an import.
    pub imported: &'static str,
    /// An import that failed, before the reason.
    pub import_failed: &'static str,
    /// Why an import failed: not an export, or damaged.
    pub import_unreadable: &'static str,
    /// Why an import failed: an export of another assessment.
    pub import_other_assessment: &'static str,
    /// Import: the file has no answer that fits.
    pub import_empty: &'static str,
    /// Import: the file is larger than an export can be.
    pub import_too_large: &'static str,
    /// Import: the browser could not read the file.
    pub import_not_read: &'static str,
    /// Import: replace the answers given?
    pub confirm_import: &'static str,
    /// Import: yes.
    pub yes_import: &'static str,
    /// An export could not be saved as a file.
    pub export_failed: &'static str,
    /// Share button.
    pub share: &'static str,
    /// Under the share link.
    pub share_hint: &'static str,
    /// The share link field's label.
    pub share_label: &'static str,
    /// Copy button.
    pub copy: &'static str,
    /// After copying.
    pub copied: &'static str,
    /// When the browser would not copy the share link.
    pub copy_failed: &'static str,
    /// A shared report's notice.
    pub shared_report: &'static str,
    /// Take the scan after viewing a shared report.
    pub take_scan: &'static str,
    /// A tampered or broken link, before the reason.
    pub share_broken: &'static str,
    /// Share link made for another version.
    pub share_other_version: &'static str,
    /// Share link tampered or truncated.
    pub share_damaged: &'static str,
    /// Share link of another assessment.
    pub share_other_assessment: &'static str,
    /// Team view heading and button.
    pub team: &'static str,
    /// Team view explanation.
    pub team_intro: &'static str,
    /// Team links field.
    pub team_links: &'static str,
    /// Team files field: the text of its button.
    pub team_files: &'static str,
    /// Team view: why a pasted line could not be read when it holds no share link.
    pub not_a_share_link: &'static str,
    /// Below the team files field: the files read so far; ends in `{names}`, which the names
    /// follow (each isolated).
    pub team_files_read: &'static str,
    /// Compare button.
    pub compare: &'static str,
    /// A member without a name, before the number.
    pub member: &'static str,
    /// Team mean.
    pub mean: &'static str,
    /// Team spread.
    pub spread: &'static str,
    /// Where the team agrees.
    pub agree_most: &'static str,
    /// Where the team differs.
    pub differ_most: &'static str,
    /// Members heading.
    pub members: &'static str,
    /// Team lines that could not be read, before the list.
    pub skipped_lines: &'static str,
    /// Before the exports compared without some of their answers.
    pub compared_without: &'static str,
    /// Compare with nothing to compare.
    pub team_nothing: &'static str,
    /// How many team lines or files were not read, before the first of them; `{n}` is the count.
    pub not_read_count: &'static str,
    /// After a cut-off list: how many more there are; `{n}` is the count.
    pub and_more: &'static str,
    /// Team members beyond the limit; `{max}` is the limit, `{n}` how many were left out.
    pub members_left_out: &'static str,
    /// Leave the team view.
    pub back_to_scan: &'static str,
    /// Print header: the date label.
    pub report_date: &'static str,
    /// The name of the report's actions: print, exports, import, share.
    pub actions: &'static str,
}

/// Dutch.
pub const NL: Strings = Strings {
    locale: "nl",
    start: "Start",
    minutes: "Duur: ongeveer {n} minuten.",
    privacy: "Uw antwoorden blijven in deze browser. Er wordt niets verstuurd.",
    privacy_submit: "Uw antwoorden blijven in deze browser. Alleen als u op het rapport kiest om uw resultaat te versturen, gaat het naar {site}.",
    next: "Volgende",
    back: "Terug",
    see_results: "Bekijk resultaten",
    step: "Stap",
    of: "van",
    dont_know: "Weet ik niet / niet van toepassing",
    results: "Uw resultaten",
    shared_results: "Resultaten",
    scores: "Scores",
    dimension: "Onderdeel",
    score: "Score",
    not_enough: "Te weinig antwoorden",
    does_not_apply: "Niet van toepassing",
    load_error: "Deze vragenlijst kon niet worden geladen",
    crashed: "Er ging iets mis in de vragenlijst. De rest van de pagina werkt gewoon.",
    language: "Taal",
    close: "Sluiten",
    exempt: "bewuste uitzondering",
    copy_details: "Details kopiëren",
    copy_details_failed: "Kopiëren lukte niet in deze browser. Selecteer de details en kopieer ze zelf: met Ctrl+C (⌘C op een Mac), of op een telefoon door de selectie lang ingedrukt te houden.",
    send: "Verstuur mijn resultaat",
    consent: "Ik geef toestemming om mijn antwoorden en resultaat naar deze organisatie te sturen.",
    consent_needed: "Vink eerst de toestemming aan.",
    sending: "Bezig met versturen…",
    sent: "Uw resultaat is verstuurd.",
    send_failed: "Versturen is niet gelukt; uw resultaat staat nog op het scherm. Reden:",
    send_bad_address: "het adres om naar te versturen is ongeldig.",
    send_offline: "dit apparaat is offline. Maak verbinding met internet en probeer het opnieuw.",
    send_unreachable: "de server was niet bereikbaar, of neemt geen resultaten van deze pagina aan.",
    send_timeout: "de server antwoordde niet binnen {n} seconden.",
    send_status: "de server gaf foutcode {n}.",
    retry: "Opnieuw proberen",
    sent_button: "Verstuurd",
    allowed: "Toegestaan:",
    out_of_range: "Vul een getal in van {min} tot en met {max}.",
    out_of_range_points: "Vul een heel getal in van 0 tot en met {max}.",
    resume: "Verder waar u was",
    saved_progress: "Opgeslagen antwoorden:",
    start_over: "Opnieuw beginnen",
    delete_answers: "Mijn antwoorden wissen",
    confirm_start_over: "Alle antwoorden worden leeggemaakt en u begint bij stap 1. Doorgaan?",
    confirm_delete: "Uw antwoorden worden uit deze browser gewist. Dit kan niet ongedaan worden gemaakt. Doorgaan?",
    yes_start_over: "Ja, opnieuw beginnen",
    yes_delete: "Ja, wissen",
    cancel: "Annuleren",
    deleted: "Uw antwoorden zijn gewist uit deze browser.",
    set_aside_corrupt: "Opgeslagen antwoorden in deze browser waren beschadigd en zijn apart gezet; ze zijn niet geladen.",
    corrupt_not_kept: "Opgeslagen antwoorden in deze browser waren beschadigd en zijn niet geladen. Ze konden niet apart worden gezet (er staan al negen beschadigde kopieën, of de opslag is vol): uw nieuwe antwoorden komen ervoor in de plaats.",
    other_tab_kept: "Een ander tabblad of venster heeft antwoorden opgeslagen die deze pagina niet kan lezen. Er is een kopie van apart gezet; uw volgende antwoord hier komt ervoor in de plaats.",
    other_tab_not_kept: "Een ander tabblad of venster heeft antwoorden opgeslagen die deze pagina niet kan lezen. Die konden niet apart worden gezet (er staan al negen beschadigde kopieën, of de opslag is vol); uw volgende antwoord hier komt ervoor in de plaats.",
    set_aside_version: "Er zijn antwoorden bewaard voor een andere versie van deze vragenlijst (versie {v}). Die zijn apart gehouden en niet geladen.",
    skipped_answers: "Niet alle antwoorden pasten nog bij de vragen; overgeslagen:",
    skipped_not_kept: "Ze konden niet apart worden gezet (er staan al negen kopieën, of de opslag is vol): uw volgende stap of antwoord vervangt ze.",
    storage_unavailable: "Deze browser staat opslaan niet toe: uw antwoorden blijven alleen bewaard zolang deze pagina open is.",
    not_saved: "Uw laatste antwoorden konden niet in deze browser worden opgeslagen (de opslag is vol). Ze blijven staan zolang deze pagina open is; exporteer ze om ze te bewaren.",
    saved_again: "Uw antwoorden worden weer in deze browser opgeslagen, ook de antwoorden die eerder niet konden worden opgeslagen.",
    steps: "Stappen",
    points_left: "Nog te verdelen:",
    points_of: "van",
    too_many_points: "Te veel punten gegeven:",
    fix_points: "Verdeel precies {n} punten voordat u verdergaat.",
    choose_at_least: "Kies er minstens {min}.",
    choose_at_most: "Kies er hoogstens {max}.",
    choose_between: "Kies er {min} tot en met {max}.",
    choose_exactly: "Kies er {n}.",
    chosen_count: "{n} gekozen.",
    choose_full: "Vink er eerst een uit om een andere te kiezen.",
    less: "Minder voor",
    more: "Meer voor",
    current: "Huidig",
    desired: "Gewenst",
    current_level: "Huidige situatie",
    desired_level: "Gewenste situatie",
    desired_after_current: "Kies eerst de huidige situatie; daarna kunt u de gewenste kiezen.",
    headline: "In één zin",
    key_figures: "Kerncijfers",
    recommendations: "Aanbevelingen",
    no_recommendations: "Er zijn geen aanbevelingen: er springt niets uit.",
    one_more_recommendation: "Nog 1 aanbeveling",
    more_recommendations: "Nog {n} aanbevelingen",
    why: "Waarom zie ik dit?",
    conditions: "Voorwaarden",
    met: "klopt",
    not_met: "klopt niet",
    unknown: "onbekend",
    rule: "De regel zoals die in de vragenlijst staat:",
    answers_behind: "Uw antwoorden die meetellen",
    what_moved: "Wat bepaalt de score voor",
    points: "punten",
    of_max: "van max.",
    coverage: "Beantwoord",
    level: "Niveau",
    estimate: "Schatting",
    no_value: "onbekend",
    benchmark_source: "bron",
    print: "Afdrukken",
    export_json: "Exporteer antwoorden (JSON)",
    export_csv: "Exporteer scores (CSV)",
    import: "Importeer eerdere antwoorden",
    imported: "De antwoorden zijn geïmporteerd.",
    import_failed: "Dit bestand kon niet worden geïmporteerd:",
    import_unreadable: "het is geen export van deze vragenlijst, of het is beschadigd.",
    import_other_assessment: "het is een export van een andere vragenlijst.",
    import_empty: "er staat geen antwoord in dat bij deze vragenlijst past. Uw antwoorden zijn niet veranderd.",
    import_too_large: "het is groter dan een export kan zijn (1 MB).",
    import_not_read: "de browser kon het niet lezen.",
    confirm_import: "De antwoorden uit het bestand vervangen al uw huidige antwoorden. Dit kan niet ongedaan worden gemaakt. Doorgaan?",
    yes_import: "Ja, vervangen",
    export_failed: "Het bestand kon niet worden opgeslagen:",
    share: "Maak een deellink",
    share_hint: "Wie deze link opent, ziet dit rapport. De antwoorden zitten in de link zelf (na het #-teken) en gaan niet naar een server.",
    share_label: "Deellink",
    copy: "Kopiëren",
    copied: "Gekopieerd.",
    copy_failed: "Kopiëren lukte niet in deze browser. De link is geselecteerd: kopieer hem zelf, met Ctrl+C (⌘C op een Mac), of op een telefoon door hem lang ingedrukt te houden.",
    shared_report: "U bekijkt een gedeeld rapport. Het kan niet worden gewijzigd.",
    take_scan: "Doe de scan zelf",
    share_broken: "Deze deellink kan niet worden geopend:",
    share_other_version: "de link is gemaakt voor een andere versie van deze vragenlijst",
    share_damaged: "de link is beschadigd of onvolledig",
    share_other_assessment: "de link hoort bij een andere vragenlijst",
    team: "Teamvergelijking",
    team_intro: "Plak de deellinks van uw teamleden (één per regel, eventueel 'Naam: link') of importeer hun JSON-exports. Alles wordt in deze browser berekend; er wordt niets verstuurd.",
    team_links: "Deellinks",
    team_files: "JSON-exports toevoegen",
    not_a_share_link: "dit is geen deellink",
    team_files_read: "Gelezen: {names}",
    compare: "Vergelijk",
    member: "Deelnemer",
    mean: "Gemiddelde",
    spread: "Spreiding",
    agree_most: "Hier is het team het meest eens",
    differ_most: "Hier verschilt het team het meest",
    members: "Deelnemers",
    skipped_lines: "Niet gelezen:",
    compared_without: "Vergeleken zonder enkele antwoorden:",
    team_nothing: "Nog niets te vergelijken: plak ten minste één deellink, of kies ten minste één geëxporteerd bestand.",
    not_read_count: "Niet gelezen: {n}. De eerste:",
    and_more: "en nog {n}",
    members_left_out: "Alleen de eerste {max} deelnemers worden vergeleken; de overige {n} zijn weggelaten.",
    back_to_scan: "Terug naar de scan",
    report_date: "Datum",
    actions: "Bewaren en delen",
};

/// English.
pub const EN: Strings = Strings {
    locale: "en",
    start: "Start",
    minutes: "Takes about {n} minutes.",
    privacy: "Your answers stay in this browser. Nothing is sent anywhere.",
    privacy_submit: "Your answers stay in this browser. Only if you choose to send your result on the report is it sent, to {site}.",
    next: "Next",
    back: "Back",
    see_results: "See results",
    step: "Step",
    of: "of",
    dont_know: "Don't know / not applicable",
    results: "Your results",
    shared_results: "Results",
    scores: "Scores",
    dimension: "Dimension",
    score: "Score",
    not_enough: "Not enough answers",
    does_not_apply: "Does not apply",
    load_error: "This assessment could not be loaded",
    crashed: "Something went wrong in the assessment. The rest of the page still works.",
    language: "Language",
    close: "Close",
    exempt: "deliberate exception",
    copy_details: "Copy details",
    copy_details_failed: "This browser would not copy. Select the details and copy them yourself: with Ctrl+C (⌘C on a Mac), or on a phone by pressing and holding the selection.",
    send: "Send my result",
    consent: "I agree to send my answers and result to this organisation.",
    consent_needed: "Tick the consent box first.",
    sending: "Sending…",
    sent: "Your result has been sent.",
    send_failed: "Sending failed; your result is still on screen. Reason:",
    send_bad_address: "the address to send to is not valid.",
    send_offline: "this device is offline. Connect to the internet and try again.",
    send_unreachable: "the server could not be reached, or it does not accept results from this page.",
    send_timeout: "the server did not answer within {n} seconds.",
    send_status: "the server answered with error {n}.",
    retry: "Try again",
    sent_button: "Sent",
    allowed: "Allowed:",
    out_of_range: "Enter a number from {min} to {max}.",
    out_of_range_points: "Enter a whole number from 0 to {max}.",
    resume: "Continue where you left off",
    saved_progress: "Saved answers:",
    start_over: "Start over",
    delete_answers: "Delete my answers",
    confirm_start_over: "All answers will be cleared and you start again at step 1. Continue?",
    confirm_delete: "Your answers will be erased from this browser. This cannot be undone. Continue?",
    yes_start_over: "Yes, start over",
    yes_delete: "Yes, delete",
    cancel: "Cancel",
    deleted: "Your answers have been erased from this browser.",
    set_aside_corrupt: "Saved answers in this browser were damaged and have been set aside; they were not loaded.",
    corrupt_not_kept: "Saved answers in this browser were damaged and were not loaded. They could not be set aside (nine damaged copies are kept already, or the storage is full): your new answers will replace them.",
    other_tab_kept: "Another tab or window saved answers this page cannot read. A copy has been set aside; your next answer here replaces them.",
    other_tab_not_kept: "Another tab or window saved answers this page cannot read. They could not be set aside (nine damaged copies are kept already, or the storage is full); your next answer here replaces them.",
    set_aside_version: "Answers were saved for another version of this assessment (version {v}). They have been kept aside and were not loaded.",
    skipped_answers: "Some answers no longer fitted the questions; skipped:",
    skipped_not_kept: "They could not be set aside (nine copies are kept already, or the storage is full): your next step or answer replaces them.",
    storage_unavailable: "This browser does not allow saving: your answers are kept only while this page is open.",
    not_saved: "Your latest answers could not be saved in this browser (its storage is full). They stay here while this page is open; export them to keep them.",
    saved_again: "Your answers are being saved in this browser again, including those that could not be saved before.",
    steps: "Steps",
    points_left: "Points left:",
    points_of: "of",
    too_many_points: "Too many points given:",
    fix_points: "Spread exactly {n} points before you go on.",
    choose_at_least: "Choose at least {min}.",
    choose_at_most: "Choose at most {max}.",
    choose_between: "Choose {min} to {max}.",
    choose_exactly: "Choose {n}.",
    chosen_count: "{n} chosen.",
    choose_full: "Untick one to choose another.",
    less: "Less for",
    more: "More for",
    current: "Current",
    desired: "Desired",
    current_level: "Current situation",
    desired_level: "Desired situation",
    desired_after_current: "Choose the current situation first; then the desired one can be chosen.",
    headline: "In one sentence",
    key_figures: "Key figures",
    recommendations: "Recommendations",
    no_recommendations: "There are no recommendations: nothing stands out.",
    one_more_recommendation: "1 more recommendation",
    more_recommendations: "{n} more recommendations",
    why: "Why am I seeing this?",
    conditions: "Conditions",
    met: "holds",
    not_met: "does not hold",
    unknown: "unknown",
    rule: "The rule as the assessment writes it:",
    answers_behind: "Your answers that count",
    what_moved: "What moved the score for",
    points: "points",
    of_max: "of max.",
    coverage: "Answered",
    level: "Level",
    estimate: "Estimate",
    no_value: "unknown",
    benchmark_source: "source",
    print: "Print",
    export_json: "Export answers (JSON)",
    export_csv: "Export scores (CSV)",
    import: "Import earlier answers",
    imported: "The answers have been imported.",
    import_failed: "This file could not be imported:",
    import_unreadable: "it is not an export of this assessment, or it is damaged.",
    import_other_assessment: "it is an export of another assessment.",
    import_empty: "it holds no answer that fits this assessment. Your answers have not changed.",
    import_too_large: "it is larger than an export can be (1 MB).",
    import_not_read: "the browser could not read it.",
    confirm_import: "The answers in the file will replace all your current answers. This cannot be undone. Continue?",
    yes_import: "Yes, replace",
    export_failed: "The file could not be saved:",
    share: "Make a share link",
    share_hint: "Whoever opens this link sees this report. The answers are in the link itself (after the # sign) and are not sent to any server.",
    share_label: "Share link",
    copy: "Copy",
    copied: "Copied.",
    copy_failed: "This browser would not copy. The link is selected: copy it yourself, with Ctrl+C (⌘C on a Mac), or on a phone by pressing and holding it.",
    shared_report: "You are viewing a shared report. It cannot be changed.",
    take_scan: "Take the scan yourself",
    share_broken: "This share link cannot be opened:",
    share_other_version: "the link was made for another version of this assessment",
    share_damaged: "the link is damaged or incomplete",
    share_other_assessment: "the link belongs to another assessment",
    team: "Team comparison",
    team_intro: "Paste your team members' share links (one per line, optionally 'Name: link') or import their JSON exports. Everything is computed in this browser; nothing is sent.",
    team_links: "Share links",
    team_files: "Add JSON exports",
    not_a_share_link: "this is not a share link",
    team_files_read: "Read: {names}",
    compare: "Compare",
    member: "Member",
    mean: "Mean",
    spread: "Spread",
    agree_most: "Where the team agrees most",
    differ_most: "Where the team differs most",
    members: "Members",
    skipped_lines: "Not read:",
    compared_without: "Compared without some answers:",
    team_nothing: "Nothing to compare yet: paste at least one share link, or choose at least one exported file.",
    not_read_count: "Not read: {n}. The first:",
    and_more: "and {n} more",
    members_left_out: "Only the first {max} members are compared; the other {n} were left out.",
    back_to_scan: "Back to the scan",
    report_date: "Date",
    actions: "Save and share",
};

/// The table for a locale (by its language, in any letter case), English when there is none.
/// `locale` may name several locales, most preferred first, separated by commas, as
/// `Model::locale_for` takes them: the first with a table wins.
pub fn strings(locale: &str) -> &'static Strings {
    for want in locale.split(',') {
        let language = sextant_engine::text::language(want.trim());
        if language.eq_ignore_ascii_case("nl") {
            return &NL;
        }
        if language.eq_ignore_ascii_case("en") {
            return &EN;
        }
    }
    &EN
}

/// The longest message detail shown, in characters.
pub const MAX_DETAIL_CHARS: usize = 500;

/// `detail` cut to [`MAX_DETAIL_CHARS`] characters, with "…" where it was cut. Error messages
/// quote the input that caused them, and a hostile or broken file can make that input
/// megabytes long; the box that shows it must stay readable and small.
pub fn clip(detail: &str) -> String {
    clip_to(detail, MAX_DETAIL_CHARS)
}

/// `text` cut to `max` characters, with "…" where it was cut, and with every bidirectional
/// override, embedding or isolate it leaves open closed, so that it cannot reorder the words
/// shown after it (`sextant_engine::text::close_bidi`).
pub fn clip_to(text: &str, max: usize) -> String {
    sextant_engine::text::close_bidi(match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    })
}

/// The language of the engine's and the browser's own messages (error details), which are
/// written in English.
pub const DETAIL_LANG: &str = "en";

impl Strings {
    /// "Step 3 of 7".
    pub fn step_of(&self, step: usize, count: usize) -> String {
        format!("{} {step} {} {count}", self.step, self.of)
    }

    /// "3 more recommendations".
    pub fn more_recommendations(&self, n: usize) -> String {
        if n == 1 {
            self.one_more_recommendation.to_owned()
        } else {
            self.more_recommendations.replace("{n}", &n.to_string())
        }
    }

    /// "Takes about 10 minutes."
    pub fn duration(&self, minutes: u32) -> String {
        self.minutes.replace("{n}", &minutes.to_string())
    }

    /// "Enter a number from 0 to 1,000,000.", the numbers written as in `locale` (the
    /// assessment's language, which may have no table of its own).
    pub fn enter_number(&self, min: f64, max: f64, locale: &str) -> String {
        self.out_of_range
            .replace("{min}", &show_grouped(min, locale))
            .replace("{max}", &show_grouped(max, locale))
    }

    /// "Enter a whole number from 0 to 10."
    pub fn enter_points(&self, total: u32, locale: &str) -> String {
        self.out_of_range_points
            .replace("{max}", &show_grouped(f64::from(total), locale))
    }

    /// "Choose 2 to 3. 1 chosen." for a multiple choice of `options` options.
    pub fn choose(&self, choose: (u32, u32), options: usize, chosen: usize) -> String {
        format!(
            "{} {}",
            self.choose_rule(choose, options),
            self.chosen_count.replace("{n}", &chosen.to_string())
        )
    }

    /// "Choose 2 to 3." for a multiple choice of `options` options.
    pub fn choose_rule(&self, (min, max): (u32, u32), options: usize) -> String {
        if min == max {
            self.choose_exactly.replace("{n}", &min.to_string())
        } else if min > 1 && (max as usize) < options {
            self.choose_between
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string())
        } else if min > 1 {
            self.choose_at_least.replace("{min}", &min.to_string())
        } else {
            self.choose_at_most.replace("{max}", &max.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_limit_is_the_one_the_message_names() {
        assert_eq!(sextant_engine::load::MAX_EXPORT_BYTES, 1024 * 1024);
        assert!(EN.import_too_large.contains("(1 MB)") && NL.import_too_large.contains("(1 MB)"));
    }

    #[test]
    fn a_number_out_of_range_says_what_to_enter() {
        assert_eq!(
            NL.enter_number(0.0, 1_000_000.0, "nl"),
            "Vul een getal in van 0 tot en met 1.000.000."
        );
        assert_eq!(
            EN.enter_number(-2.5, 10.0, "en"),
            "Enter a number from -2.5 to 10."
        );
        assert_eq!(
            NL.enter_points(10, "nl"),
            "Vul een heel getal in van 0 tot en met 10."
        );
    }

    #[test]
    fn a_range_message_writes_numbers_as_the_assessment_s_language_does() {
        // German has no table of its own (English words), but its numbers are written its way.
        assert_eq!(
            EN.enter_number(0.0, 2.5, "de"),
            "Enter a number from 0 to 2,5."
        );
    }

    #[test]
    fn the_rule_of_a_multiple_choice_reads_naturally() {
        assert_eq!(EN.choose((2, 4), 4, 1), "Choose at least 2. 1 chosen.");
        assert_eq!(EN.choose((0, 2), 5, 2), "Choose at most 2. 2 chosen.");
        assert_eq!(
            NL.choose((2, 3), 5, 0),
            "Kies er 2 tot en met 3. 0 gekozen."
        );
        assert_eq!(NL.choose((2, 2), 5, 2), "Kies er 2. 2 gekozen.");
    }

    #[test]
    fn locale_picks_the_table_by_language() {
        assert_eq!(strings("nl-BE").locale, "nl");
        assert_eq!(strings("fr").locale, "en");
        assert_eq!(strings("NL").locale, "nl");
        assert_eq!(strings("fr,nl-NL").locale, "nl");
        assert_eq!(strings("en,nl").locale, "en");
        assert_eq!(NL.step_of(3, 7), "Stap 3 van 7");
    }

    #[test]
    fn long_details_are_cut_on_a_character_boundary() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(MAX_DETAIL_CHARS + 10);
        let cut = clip(&long);
        assert_eq!(cut.chars().count(), MAX_DETAIL_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(
            clip(&"x".repeat(MAX_DETAIL_CHARS)),
            "x".repeat(MAX_DETAIL_CHARS)
        );
    }
}
