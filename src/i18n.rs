//! The interface's own strings, one table per locale. Everything else the visitor reads comes
//! from the assessment file.

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
    /// The scores table caption.
    pub scores: &'static str,
    /// The dimension column header.
    pub dimension: &'static str,
    /// The score column header.
    pub score: &'static str,
    /// A score built on too few answers.
    pub not_enough: &'static str,
    /// The load error's lead.
    pub load_error: &'static str,
    /// The panic box's lead.
    pub crashed: &'static str,
    /// The language switch's label.
    pub language: &'static str,
}

/// Dutch.
pub const NL: Strings = Strings {
    locale: "nl",
    start: "Start",
    minutes: "Duur: ongeveer {n} minuten.",
    privacy: "Uw antwoorden blijven in deze browser. Er wordt niets verstuurd.",
    next: "Volgende",
    back: "Terug",
    see_results: "Bekijk resultaten",
    step: "Stap",
    of: "van",
    dont_know: "Weet ik niet / niet van toepassing",
    results: "Uw resultaten",
    scores: "Scores",
    dimension: "Onderdeel",
    score: "Score",
    not_enough: "Te weinig antwoorden",
    load_error: "Deze vragenlijst kon niet worden geladen",
    crashed: "Er ging iets mis in de vragenlijst. De rest van de pagina werkt gewoon.",
    language: "Taal",
};

/// English.
pub const EN: Strings = Strings {
    locale: "en",
    start: "Start",
    minutes: "Takes about {n} minutes.",
    privacy: "Your answers stay in this browser. Nothing is sent anywhere.",
    next: "Next",
    back: "Back",
    see_results: "See results",
    step: "Step",
    of: "of",
    dont_know: "Don't know / not applicable",
    results: "Your results",
    scores: "Scores",
    dimension: "Dimension",
    score: "Score",
    not_enough: "Not enough answers",
    load_error: "This assessment could not be loaded",
    crashed: "Something went wrong in the assessment. The rest of the page still works.",
    language: "Language",
};

/// The table for a locale (by its language), English when there is none.
pub fn strings(locale: &str) -> &'static Strings {
    match sextant_engine::text::language(locale) {
        "nl" => &NL,
        _ => &EN,
    }
}

impl Strings {
    /// "Step 3 of 7".
    pub fn step_of(&self, step: usize, count: usize) -> String {
        format!("{} {step} {} {count}", self.step, self.of)
    }

    /// "Takes about 10 minutes."
    pub fn duration(&self, minutes: u32) -> String {
        self.minutes.replace("{n}", &minutes.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_the_table_by_language() {
        assert_eq!(strings("nl-BE").locale, "nl");
        assert_eq!(strings("fr").locale, "en");
        assert_eq!(NL.step_of(3, 7), "Stap 3 van 7");
    }
}
