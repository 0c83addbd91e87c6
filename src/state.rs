//! The app state and its reducer. Every arm delegates to the engine: the widget never scores.

use std::rc::Rc;

use sextant_engine::model::QuestionType;
use sextant_engine::save::{Restored, MAX_REVISION};
use sextant_engine::view::{Issue, Step};
use sextant_engine::{Answer, AnswerError, Model, Response, Scores, Slot};
use yew::prelude::*;

/// A message shown above the current screen until dismissed or replaced.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Saved state that could not be read was set aside.
    SetAsideCorrupt,
    /// Saved state that could not be read could not be set aside either (every set-aside slot
    /// holds another copy, or storage is full): the next save replaces it.
    CorruptNotKept,
    /// Another tab wrote a value this tab could not read: whether a copy of it was set aside.
    /// This tab's next save replaces it.
    OtherTabCorrupt {
        /// A copy was set aside.
        kept: bool,
    },
    /// Saved state of another version was kept aside (the version).
    SetAsideVersion(String),
    /// Some answers no longer fitted and were skipped (their question ids).
    Skipped(Vec<String>),
    /// The same, on loading, when the saved value could not be copied aside first (the slots
    /// are full, or the storage is): the next save replaces it.
    SkippedNotKept(Vec<String>),
    /// The answers were deleted.
    Deleted,
    /// An import worked.
    Imported,
    /// An import failed: why, in the visitor's words, and the detail (in English).
    ImportFailed(ImportFailure, String),
    /// An export could not be saved as a file (the browser's reason, in English).
    ExportFailed(String),
    /// Storage is not available.
    NoStorage,
    /// The browser refused to save the answers (its storage is full).
    NotSaved,
    /// After [`Notice::NotSaved`], a save worked again.
    SavedAgain,
}

/// Why an import failed, as the visitor is told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFailure {
    /// The file is larger than an export can be.
    TooLarge,
    /// The browser could not read the file.
    File,
    /// Not an export of this assessment's format, or damaged.
    Unreadable,
    /// An export of another assessment.
    OtherAssessment,
    /// An export without a single answer that fits this assessment.
    Empty,
}

/// An action waiting for the visitor's confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Clear every answer and go to the first step.
    StartOver,
    /// Erase the saved answers from this browser.
    Delete,
    /// Replace the answers with those of an imported file ([`Scan::pending_import`]).
    Import,
}

/// Where keyboard focus goes after an action that removed the focused control or changed the
/// screen under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The current screen's heading.
    Heading,
    /// The toolbar button that asked for a confirmation that was cancelled.
    Ask(Confirm),
    /// The message saying why the step cannot be left yet.
    Blocked,
    /// The notice above the screen, when it answers something the visitor did far from it (a
    /// failed import or export, at the end of a long report).
    Notice,
}

/// The state of one scan in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    /// The compiled assessment.
    pub model: Rc<Model>,
    /// The answers so far.
    pub response: Response,
    /// The engine's scores for them (visibility, scores, profiles, recommendations).
    pub scores: Scores,
    /// Where the visitor is.
    pub step: Step,
    /// The locale texts are shown in.
    pub locale: String,
    /// The host page's language when the visitor chose `locale` instead, as restored: kept on
    /// a page that asks for no language, so the choice still holds on the next page that asks.
    pub host_locale: Option<String>,
    /// Increases with every change worth saving.
    pub revision: u64,
    /// Increases every time the answers are scored again: whatever was built from the answers
    /// (the report) is built again when it changes. The revision cannot serve: taking over
    /// another tab's save can leave it as it was, or at its limit, with other answers.
    pub scored: u64,
    /// The answers of the other tabs' latest save, as this tab received it (at first, as
    /// restored): what a save made at the same time as this tab's is merged against.
    pub base: Response,
    /// A message to show.
    pub notice: Option<Notice>,
    /// An action waiting for confirmation.
    pub confirm: Option<Confirm>,
    /// An import waiting for [`Confirm::Import`].
    pub pending_import: Option<Rc<Restored>>,
    /// What stopped the visitor leaving the step, by question index, shown until fixed.
    pub blocked: Vec<(usize, Blocker)>,
    /// The fields of number and allocation questions whose entry, as typed, is not an answer
    /// (out of range, or not a number). Their answer stays as it was; the step is not left while
    /// one is pending.
    pub pending: Vec<Field>,
    /// Whether the answers are erased (nothing to save until the next answer).
    pub erased: bool,
    /// Whether another tab erased them (this tab has nothing left to remove or announce).
    pub erased_elsewhere: bool,
    /// Whether another tab saved since this tab's answers were erased. That save (in `base`) is
    /// not shown while this tab stays erased; the visitor's next answer here is merged with it,
    /// so that this tab's next save keeps it.
    pub unseen: bool,
    /// The furthest step the visitor has reached on this page: "Continue where you left off"
    /// on the welcome screen returns there.
    pub resume: Option<Step>,
    /// Answers replaced by "don't know", by question: unticking "don't know" brings the answer
    /// back, as it was, instead of leaving the question empty.
    pub before_dont_know: Vec<(usize, Answer)>,
    /// The boxes ticked so far of a multiple choice with fewer than its minimum, by question:
    /// no answer (neither saved nor scored), kept while the visitor moves between steps (and
    /// while "don't know" is ticked), until there are enough or an answer replaces them. The
    /// step is not left while its question has some.
    pub picks: Vec<(usize, Vec<String>)>,
    /// The revision of another tab's save that this tab took over as it was. It is not written
    /// back: that would only put this tab's step in place of the other tab's, and a reload
    /// there would land here.
    pub adopted: u64,
    /// The last focus request: a counter that changes with every request (0: none yet, so
    /// nothing takes focus when the page loads), and where focus goes.
    pub focus: (u32, Focus),
}

/// Why the visitor could not leave a step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Blocker {
    /// The engine's issue with the answers (an allocation that does not add up).
    Answers(Issue),
    /// A number entry that is not an answer: out of range, or not a number.
    Entry,
}

/// One entry field: a question, by index, and its part (0 for a number question, the statement
/// for an allocation question).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Field {
    /// The question.
    pub question: usize,
    /// The part of it.
    pub part: usize,
}

impl Field {
    /// The field of a question with one field (a number question).
    pub fn of(question: usize) -> Self {
        Field { question, part: 0 }
    }
}

/// What the visitor typed into a number question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    /// An answer (within range), or nothing (the entry was emptied).
    Answer(Option<f64>),
    /// Not an answer: out of range, or not a number. The answer given before stands.
    OutOfRange,
}

/// What the visitor (or another tab) did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the welcome screen (to the saved step, or the first).
    Start,
    /// Answer (or clear) a question, by index.
    Answer(usize, Option<Answer>),
    /// Type into a number question's field (or a statement's points: only `OutOfRange`).
    Entry(Field, Entry),
    /// Tick fewer boxes of a multiple choice than its minimum (the boxes ticked), or, with
    /// none, settle it (its boxes are an answer again, or none): see [`Scan::picks`].
    Picks(usize, Vec<String>),
    /// Set the points of one statement of an allocation question.
    Points(usize, usize, u32),
    /// Forward, unless the step has issues or an entry that is not an answer.
    Next,
    /// Back.
    Back,
    /// Jump to an earlier section.
    GoTo(usize),
    /// Change the language.
    SetLocale(String),
    /// Ask before starting over or deleting.
    Ask(Confirm),
    /// Do the action that was asked about.
    Confirmed,
    /// Don't.
    Cancel,
    /// Merge another tab's save into this tab's answers (see `sextant_engine::save`); saved
    /// again only when the merge holds answers that save lacks.
    Restore(Box<Restored>),
    /// Replace the answers with imported ones, and save them (after a yes, when answers
    /// would be lost).
    Import(Box<Restored>),
    /// Another tab erased the answers ("Delete my answers"): this tab forgets them too.
    ErasedElsewhere,
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    Dismiss,
}

impl Scan {
    /// A scan from restored answers, or a fresh one at the welcome screen.
    pub fn new(
        model: Rc<Model>,
        locale: &str,
        restored: Option<Restored>,
        notice: Option<Notice>,
    ) -> Self {
        let (response, step, revision, skipped, host_locale) = match restored {
            Some(r) => (r.response, r.step, r.revision, r.skipped, r.host_locale),
            None => (Response::new(&model), Step::Welcome, 0, Vec::new(), None),
        };
        let scores = model.score(&response);
        let base = response.clone();
        let locale = model.locale_for(locale);
        let notice = notice.or_else(|| skipped_notice(&skipped));
        // Saved on a step that the saved answers now hide: the next one on show. Saved on the
        // report without a single answer (a state edited by hand): the welcome screen, whose
        // Start leads to the first question, instead of a report of empty scores.
        let step = match on_show(&model, &scores, step) {
            Step::Report if response.filled() == 0 => Step::Welcome,
            step => step,
        };
        Scan {
            model,
            response,
            scores,
            step,
            locale,
            host_locale,
            revision,
            scored: 0,
            base,
            notice,
            confirm: None,
            pending_import: None,
            blocked: Vec::new(),
            pending: Vec::new(),
            erased: false,
            erased_elsewhere: false,
            unseen: false,
            adopted: 0,
            before_dont_know: Vec::new(),
            picks: Vec::new(),
            // A scan reopened on a step has reached it.
            resume: matches!(step, Step::Section(_)).then_some(step),
            focus: (0, Focus::Heading),
        }
    }

    /// Takes the answers and step of an import.
    fn import(&mut self, restored: &Restored) {
        self.response = restored.response.clone();
        self.before_dont_know.clear();
        self.picks.clear();
        self.resume = None;
        self.step = restored.step;
        self.leave_step();
        self.rescore();
        // Points that do not add up to an allocation's total (a file edited by hand) are no
        // answer yet, and the report would leave them out without a word: the visitor lands
        // on their step instead, which says how many points are left.
        if let Some(s) = self
            .model
            .first_step_with_issues(&self.response, &self.scores)
        {
            if matches!(self.step, Step::Report | Step::Welcome)
                || matches!(self.step, Step::Section(t) if t > s)
            {
                self.step = Step::Section(s);
            }
        }
        self.notice = Some(skipped_notice(&restored.skipped).unwrap_or(Notice::Imported));
        self.request_focus(Focus::Heading);
    }

    /// Where Start leads from the welcome screen: without answers, the first step; with
    /// answers, the furthest step reached on this page (or the one the scan was reopened on),
    /// else (answers saved earlier, or in another tab) the first step on show with a question
    /// on show still open, or the last step when none is.
    fn where_left_off(&self) -> Step {
        // Without answers the button says "Start", and starts.
        if !self.has_answers() {
            return self.model.next_step(&self.scores, Step::Welcome);
        }
        let on_show = |step: &Step| matches!(step, Step::Section(s) if self.scores.section_visible.get(*s) == Some(&true));
        self.resume
            .filter(on_show)
            .unwrap_or_else(|| self.model.first_open_step(&self.response, &self.scores))
    }

    /// Sets question `q` back to `answer`, which "don't know" replaced: points as they were,
    /// also an allocation still in progress (not yet adding up).
    fn bring_back(&mut self, q: usize, answer: &Answer) -> bool {
        let question = self.model.question(q);
        match answer {
            Answer::Allocation(points) if question.kind == QuestionType::Allocation => {
                let options: Vec<u32> = question
                    .options
                    .iter()
                    .map(|o| points.get(&o.id).copied().unwrap_or(0))
                    .collect();
                for (o, p) in options.into_iter().enumerate() {
                    self.response.set_points(&self.model, q, o, p);
                }
                true
            }
            answer => self.response.set(&self.model, q, Some(answer)).is_ok(),
        }
    }

    /// Asks for focus to move to `to` once this state is on screen.
    pub fn request_focus(&mut self, to: Focus) {
        self.focus = (self.focus.0.wrapping_add(1).max(1), to);
    }

    /// Whether the entry in `field` is pending: typed, and not an answer.
    pub fn is_pending(&self, field: Field) -> bool {
        self.pending.contains(&field)
    }

    /// The boxes ticked so far of multiple choice `q`, while they are fewer than its minimum.
    pub fn picks(&self, q: usize) -> Option<&[String]> {
        self.picks
            .iter()
            .find(|(i, _)| *i == q)
            .map(|(_, p)| p.as_slice())
    }

    /// Whether any question has an answer (or "don't know").
    pub fn has_answers(&self) -> bool {
        self.response.filled() > 0
    }

    /// What keeps the visitor on section `s`: the engine's issues with the answers, then the
    /// entries that are not answers (numbers, too few boxes), of the questions on show (an
    /// entry does not count while "don't know" is chosen).
    fn blockers(&self, s: usize) -> Vec<(usize, Blocker)> {
        let issues = self.model.step_issues(&self.response, &self.scores, s);
        let section = self.model.section_questions(s);
        let mut entries: Vec<usize> = self
            .pending
            .iter()
            .map(|f| f.question)
            .chain(self.picks.iter().map(|(q, _)| *q))
            .filter(|q| section.contains(q))
            .filter(|&q| {
                self.scores
                    .question_visible
                    .get(q)
                    .copied()
                    .unwrap_or(false)
            })
            .filter(|&q| self.response.slot(q) != Slot::DontKnow)
            .collect();
        entries.sort_unstable();
        entries.dedup();
        issues
            .into_iter()
            .map(|(q, issue)| (q, Blocker::Answers(issue)))
            .chain(entries.into_iter().map(|q| (q, Blocker::Entry)))
            .collect()
    }

    /// Leaves the step: entries typed on it are dropped with its controls.
    fn leave_step(&mut self) {
        self.blocked.clear();
        self.pending.clear();
    }

    fn rescore(&mut self) {
        // The first answer after an erase joins what other tabs saved since (nothing was
        // answered in both since the erase, unless here just now: this answer wins).
        if std::mem::take(&mut self.unseen) {
            let erased = Response::new(&self.model);
            self.response = self.response.merge(
                &self.model,
                &erased,
                &self.base,
                std::cmp::Ordering::Greater,
            );
        }
        self.model.score_into(&self.response, &mut self.scores);
        self.scored = self.scored.wrapping_add(1);
        self.keep_blockers();
        self.revision = self.revision.saturating_add(1);
        self.erased = false;
    }

    /// Keeps shown only what still keeps the visitor on the step.
    fn keep_blockers(&mut self) {
        if let Step::Section(s) = self.step {
            let now = self.blockers(s);
            self.blocked.retain(|b| now.contains(b));
        }
    }
}

fn skipped_notice(skipped: &[AnswerError]) -> Option<Notice> {
    (!skipped.is_empty())
        .then(|| Notice::Skipped(skipped.iter().map(|e| e.question.clone()).collect()))
}

impl Reducible for Scan {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Start => {
                next.step = match next.step {
                    Step::Welcome => next.where_left_off(),
                    other => other,
                };
                next.notice = None;
                next.revision = next.revision.saturating_add(1);
                next.request_focus(Focus::Heading);
            }
            Action::Next => {
                if let Step::Section(s) = next.step {
                    let blockers = next.blockers(s);
                    if !blockers.is_empty() {
                        // Each press takes focus to the message, also when it has not changed.
                        next.blocked = blockers;
                        next.request_focus(Focus::Blocked);
                        return Rc::new(next);
                    }
                }
                next.step = next.model.next_step(&next.scores, next.step);
                next.leave_step();
                next.revision = next.revision.saturating_add(1);
                next.request_focus(Focus::Heading);
            }
            Action::Back => {
                next.step = next.model.previous_step(&next.scores, next.step);
                next.leave_step();
                next.revision = next.revision.saturating_add(1);
                next.request_focus(Focus::Heading);
            }
            Action::GoTo(section) => {
                next.step = Step::Section(section);
                next.leave_step();
                next.revision = next.revision.saturating_add(1);
                next.request_focus(Focus::Heading);
            }
            Action::Answer(q, answer) => {
                // "Don't know" keeps the answer it replaces; unticking it brings that back.
                let before = next.response.answer(&next.model, q);
                let kept = next.before_dont_know.iter().position(|(i, _)| *i == q);
                let restored = match (&answer, before) {
                    (Some(Answer::DontKnow), Some(Answer::DontKnow)) => None,
                    (Some(Answer::DontKnow), before) => {
                        next.before_dont_know.retain(|(i, _)| *i != q);
                        next.before_dont_know.extend(before.map(|b| (q, b)));
                        None
                    }
                    (None, Some(Answer::DontKnow)) => {
                        kept.map(|k| next.before_dont_know.remove(k).1)
                    }
                    _ => {
                        next.before_dont_know.retain(|(i, _)| *i != q);
                        None
                    }
                };
                // An answer brought back that cannot be set (none should fail) leaves the
                // question empty instead.
                let brought_back = restored.is_some_and(|r| next.bring_back(q, &r));
                // The controls only offer valid answers; an invalid one is ignored, not stored.
                if !brought_back && next.response.set(&next.model, q, answer.as_ref()).is_err() {
                    return self;
                }
                next.rescore();
            }
            Action::Entry(field, Entry::Answer(value)) => {
                next.pending.retain(|&p| p != field);
                let q = field.question;
                next.before_dont_know.retain(|(i, _)| *i != q);
                let answer = value.map(Answer::Number);
                if next.response.set(&next.model, q, answer.as_ref()).is_err() {
                    return self;
                }
                next.rescore();
            }
            Action::Entry(field, Entry::OutOfRange) => {
                if next.is_pending(field) {
                    return self;
                }
                next.pending.push(field);
            }
            Action::Picks(q, list) => {
                // A box ticked while "don't know" is ticked replaces it (and what it replaced).
                let replaces = !list.is_empty() && next.response.slot(q) == Slot::DontKnow;
                if !replaces && next.picks(q).unwrap_or_default() == list.as_slice() {
                    return self;
                }
                next.picks.retain(|(i, _)| *i != q);
                if list.is_empty() {
                    next.keep_blockers();
                } else {
                    next.picks.push((q, list));
                }
                if replaces {
                    next.before_dont_know.retain(|(i, _)| *i != q);
                    if next.response.set(&next.model, q, None).is_ok() {
                        next.rescore();
                    }
                }
            }
            Action::Points(q, option, points) => {
                // Only this statement's entry is settled; another statement's stays pending.
                let field = Field {
                    question: q,
                    part: option,
                };
                next.pending.retain(|&p| p != field);
                next.before_dont_know.retain(|(i, _)| *i != q);
                next.response.set_points(&next.model, q, option, points);
                next.rescore();
            }
            Action::SetLocale(locale) => {
                next.locale = next.model.locale_for(&locale);
                next.revision = next.revision.saturating_add(1);
            }
            Action::Ask(c) => next.confirm = Some(c),
            Action::Cancel => {
                next.pending_import = None;
                if let Some(c) = next.confirm.take() {
                    next.request_focus(Focus::Ask(c));
                }
            }
            Action::Confirmed if next.confirm == Some(Confirm::Import) => {
                next.confirm = None;
                if let Some(restored) = next.pending_import.take() {
                    next.import(&restored);
                }
            }
            Action::Confirmed => {
                let confirm = next.confirm.take();
                // Starting over or deleting clears every answer, the other tabs' included.
                next.unseen = false;
                next.before_dont_know.clear();
                next.picks.clear();
                next.resume = None;
                next.request_focus(Focus::Heading);
                next.response = Response::new(&next.model);
                next.rescore();
                next.leave_step();
                match confirm {
                    Some(Confirm::StartOver) => {
                        next.step = next.model.next_step(&next.scores, Step::Welcome);
                        next.notice = None;
                    }
                    Some(Confirm::Delete) => {
                        next.step = Step::Welcome;
                        next.notice = Some(Notice::Deleted);
                        next.erased = true;
                        next.erased_elsewhere = false;
                    }
                    Some(Confirm::Import) | None => return self,
                }
            }
            Action::Restore(theirs) => {
                // A tab whose answers were just deleted stays empty, and saves nothing, until the
                // visitor answers again: it neither brings back the deleted answers on screen
                // nor removes what the other tab saves. It keeps that save aside, to merge with
                // its visitor's next answer, and its revision, so that the merge is saved above.
                if next.erased {
                    next.revision = next.revision.max(theirs.revision);
                    next.base = theirs.response;
                    next.unseen = true;
                    return Rc::new(next);
                }
                // This tab stays on its own step. Every change here is saved at once, so a save
                // of a higher revision was made by a tab that had this tab's latest save: its
                // answers are the newest. One of the same or a lower revision was made at the same
                // time as this tab's latest save, without it: the two are merged against the
                // answers both had before.
                // Past the highest revision a save is read back with, revisions no longer tell
                // which save is newer, and the last save wins.
                let at_limit = theirs.revision >= MAX_REVISION && next.revision >= MAX_REVISION;
                let merged = if theirs.revision > next.revision || at_limit {
                    theirs.response.clone()
                } else {
                    next.response.merge(
                        &next.model,
                        &next.base,
                        &theirs.response,
                        next.revision.cmp(&theirs.revision),
                    )
                };
                let newest = if at_limit {
                    next.revision
                } else {
                    next.revision.max(theirs.revision)
                };
                let complete = merged == theirs.response;
                next.base = theirs.response;
                if merged != next.response {
                    // An entry in progress gives way to an answer the other tab changed.
                    let (old, new) = (&next.response, &merged);
                    next.pending
                        .retain(|f| old.slot(f.question) == new.slot(f.question));
                    // What "don't know" replaced here is no longer what it replaces.
                    next.before_dont_know.clear();
                    next.response = merged;
                    next.rescore();
                }
                // When the other tab's save holds every answer, this tab takes its revision and
                // saves nothing (`adopted`): the save stays the other tab's, step and all.
                // Otherwise the merge is saved above both.
                next.revision = if complete {
                    next.adopted = newest;
                    newest
                } else {
                    newest.saturating_add(1)
                };
            }
            // A file without a single answer that fits changes nothing. One that would replace
            // answers given here waits for the visitor's yes.
            Action::Import(restored) if restored.response.filled() == 0 => {
                next.notice = Some(Notice::ImportFailed(ImportFailure::Empty, String::new()));
                next.request_focus(Focus::Notice);
            }
            Action::Import(restored) => {
                if next.has_answers() && restored.response != next.response {
                    next.pending_import = Some(Rc::new(*restored));
                    next.confirm = Some(Confirm::Import);
                } else {
                    next.import(&restored);
                }
            }
            Action::ErasedElsewhere if next.erased => return self,
            Action::ErasedElsewhere => {
                next.unseen = false;
                next.before_dont_know.clear();
                next.picks.clear();
                next.resume = None;
                next.response = Response::new(&next.model);
                next.rescore();
                next.leave_step();
                next.step = Step::Welcome;
                next.confirm = None;
                next.pending_import = None;
                next.notice = Some(Notice::Deleted);
                next.erased = true;
                next.erased_elsewhere = true;
                next.request_focus(Focus::Heading);
            }
            Action::Notify(n) => {
                if matches!(n, Notice::ImportFailed(..) | Notice::ExportFailed(_)) {
                    next.request_focus(Focus::Notice);
                }
                next.notice = Some(n);
            }
            Action::Dismiss => {
                next.notice = None;
                next.request_focus(Focus::Heading);
            }
        }
        // An answer (the visitor's, another tab's, one brought back) replaces boxes ticked
        // below the minimum; "don't know" keeps them.
        let (response, held) = (&next.response, next.picks.len());
        next.picks
            .retain(|(q, _)| matches!(response.slot(*q), Slot::Empty | Slot::DontKnow));
        if next.picks.len() != held {
            next.keep_blockers();
        }
        // A step hidden by an answer (another tab's, or an import's) is left for the next one
        // on show, instead of showing an empty step.
        let step = on_show(&next.model, &next.scores, next.step);
        if step != next.step {
            next.step = step;
            next.request_focus(Focus::Heading);
        }
        if let Step::Section(s) = next.step {
            if !matches!(next.resume, Some(Step::Section(r)) if r >= s) {
                next.resume = Some(next.step);
            }
        }
        Rc::new(next)
    }
}

/// `step`, or the next step on show when its section is hidden.
fn on_show(model: &Model, scores: &Scores, step: Step) -> Step {
    match step {
        Step::Section(s) if !scores.section_visible.get(s).copied().unwrap_or(false) => {
            model.next_step(scores, step)
        }
        _ => step,
    }
}

/// The scan state, shared with every component below the provider.
pub type ScanContext = UseReducerHandle<Scan>;

/// The scan state and its dispatcher.
#[hook]
pub fn use_scan() -> ScanContext {
    use_context::<ScanContext>().expect("use_scan needs a ScanContext provider")
}

/// Moves focus to `node` when the scan asks for focus to go to `target`, and when `node`
/// appears after such a request.
#[hook]
pub fn use_focus(target: Focus, node: NodeRef) {
    let scan = use_scan();
    use_effect_with(scan.focus, move |(request, to)| {
        if *request > 0 && *to == target {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Moves focus to `heading` when the scan asks for the screen's heading to take it
/// ([`Focus::Heading`]), and when the screen appears after such a request.
#[hook]
pub fn use_heading_focus(heading: NodeRef) {
    use_focus(Focus::Heading, heading);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two steps of one number question each; the first offers "don't know".
    fn numbers() -> Rc<Model> {
        let source = r#"{"format": "sextant/1", "id": "n", "version": "1",
            "default_locale": "en", "title": "N", "dimensions": [{"id": "d", "label": "D"}],
            "sections": [{"id": "s", "title": "S", "questions": [
                {"id": "n", "type": "number", "text": "How many?", "min": 0, "max": 10,
                 "dont_know": true}]},
              {"id": "t", "title": "T", "questions": [
                {"id": "m", "type": "number", "text": "And?", "min": 0, "max": 10}]}]}"#;
        Rc::new(Model::load(source).unwrap().model)
    }

    fn fresh() -> Rc<Scan> {
        let model = Rc::new(Model::load(crate::load::DEFAULT_ASSESSMENT).unwrap().model);
        Rc::new(Scan::new(model, "en", None, None))
    }

    /// Two steps: a multiple choice of at least two (with "don't know"), and a number.
    fn picks_model() -> Rc<Model> {
        let source = r#"{"format": "sextant/1", "id": "p", "version": "1",
            "default_locale": "en", "title": "P", "dimensions": [{"id": "d", "label": "D"}],
            "sections": [{"id": "s", "title": "S", "questions": [
                {"id": "m", "type": "multiple_choice", "text": "Which?", "min_choices": 2,
                 "dont_know": true, "options": [{"id": "a", "label": "A"},
                 {"id": "b", "label": "B"}, {"id": "c", "label": "C"}]}]},
              {"id": "t", "title": "T", "questions": [
                {"id": "n", "type": "number", "text": "And?", "min": 0, "max": 10}]}]}"#;
        Rc::new(Model::load(source).unwrap().model)
    }

    fn a() -> Vec<String> {
        vec!["a".to_owned()]
    }

    #[test]
    fn too_few_boxes_keep_the_visitor_on_the_step_until_settled() {
        let scan = Rc::new(Scan::new(picks_model(), "en", None, None)).reduce(Action::Start);
        let refused = scan.reduce(Action::Picks(0, a())).reduce(Action::Next);
        assert_eq!(refused.step, Step::Section(0));
        assert_eq!(refused.blocked, vec![(0, Blocker::Entry)]);
        let settled = refused.reduce(Action::Picks(0, Vec::new()));
        assert!(settled.blocked.is_empty() && settled.picks.is_empty());
        assert_eq!(settled.reduce(Action::Next).step, Step::Section(1));
    }

    #[test]
    fn too_few_boxes_stay_ticked_over_back_and_next_and_dont_know() {
        let scan = Rc::new(Scan::new(picks_model(), "en", None, None))
            .reduce(Action::Start)
            .reduce(Action::Picks(0, a()));
        // Away and back: the box is still ticked, and Next still stops at it.
        let back = scan.reduce(Action::GoTo(1)).reduce(Action::Back);
        assert_eq!(back.step, Step::Section(0));
        assert_eq!(back.picks(0), Some(a().as_slice()));
        assert!(!back.has_answers(), "too few boxes are no answer");
        assert_eq!(back.clone().reduce(Action::Next).step, Step::Section(0));
        // "Don't know" lets the visitor on, and unticked gives the boxes back.
        let dont_know = back.reduce(Action::Answer(0, Some(Answer::DontKnow)));
        assert_eq!(
            dont_know.clone().reduce(Action::Next).step,
            Step::Section(1)
        );
        let untick = dont_know.clone().reduce(Action::Answer(0, None));
        assert_eq!(untick.picks(0), Some(a().as_slice()));
        // A box ticked while "don't know" is ticked replaces it.
        let boxed = dont_know.reduce(Action::Picks(0, vec!["c".into()]));
        assert_eq!(boxed.response.slot(0), Slot::Empty);
        assert_eq!(boxed.picks(0), Some(["c".to_owned()].as_slice()));
        // Enough boxes are an answer, which replaces them, and the message Next gave goes.
        let two = Answer::Choices(vec!["a".into(), "b".into()]);
        let stopped = untick.reduce(Action::Next);
        assert_eq!(stopped.blocked, vec![(0, Blocker::Entry)]);
        let answered = stopped.reduce(Action::Answer(0, Some(two)));
        assert!(answered.picks.is_empty() && answered.blocked.is_empty());
        assert_eq!(answered.reduce(Action::Next).step, Step::Section(1));
    }

    #[test]
    fn a_box_ticked_over_dont_know_does_not_bring_back_the_answer_it_replaced() {
        let two = Answer::Choices(vec!["a".into(), "b".into()]);
        let scan = Rc::new(Scan::new(picks_model(), "en", None, None))
            .reduce(Action::Start)
            .reduce(Action::Answer(0, Some(two)))
            .reduce(Action::Answer(0, Some(Answer::DontKnow)))
            .reduce(Action::Picks(0, vec!["c".into()]));
        assert_eq!(scan.response.slot(0), Slot::Empty);
        assert!(scan.before_dont_know.is_empty());
        assert_eq!(scan.reduce(Action::Next).step, Step::Section(0));
    }

    #[test]
    fn an_answer_from_another_tab_replaces_too_few_boxes() {
        let model = picks_model();
        let scan = Rc::new(Scan::new(model.clone(), "en", None, None))
            .reduce(Action::Start)
            .reduce(Action::Picks(0, a()));
        let mut theirs = Response::new(&model);
        let two = Answer::Choices(vec!["b".into(), "c".into()]);
        theirs.set(&model, 0, Some(&two)).unwrap();
        let json = model.save_state(&theirs, Step::Section(0), ("en", None), 5);
        let restored = model.restore_state(&json).unwrap();
        let merged = scan.reduce(Action::Restore(Box::new(restored)));
        assert!(merged.picks.is_empty());
        assert_eq!(merged.reduce(Action::Next).step, Step::Section(1));
    }

    #[test]
    fn starting_over_forgets_too_few_boxes() {
        let scan = Rc::new(Scan::new(picks_model(), "en", None, None))
            .reduce(Action::Start)
            .reduce(Action::Picks(0, a()))
            .reduce(Action::Ask(Confirm::StartOver))
            .reduce(Action::Confirmed);
        assert!(scan.picks.is_empty());
        assert_eq!(scan.reduce(Action::Next).step, Step::Section(1));
    }

    #[test]
    fn focus_moves_only_when_the_visitor_changes_the_screen_or_removes_a_control() {
        let scan = fresh();
        assert_eq!(scan.focus.0, 0, "nothing takes focus when the page opens");

        let started = scan.reduce(Action::Start);
        assert_eq!(started.focus, (1, Focus::Heading));
        // Answering keeps focus on the control answered.
        let answered = started.clone().reduce(Action::Answer(0, None));
        assert_eq!(answered.focus, started.focus);

        // Cancel goes back to the button that asked; each request is a new one.
        let asked = answered.reduce(Action::Ask(Confirm::Delete));
        assert_eq!(asked.focus, started.focus);
        let cancelled = asked.reduce(Action::Cancel);
        assert_eq!(cancelled.focus, (2, Focus::Ask(Confirm::Delete)));
        let again = cancelled
            .reduce(Action::Ask(Confirm::Delete))
            .reduce(Action::Cancel);
        assert_eq!(again.focus, (3, Focus::Ask(Confirm::Delete)));

        // Confirming, going back and closing a notice send focus to the screen's heading.
        let deleted = again
            .reduce(Action::Ask(Confirm::Delete))
            .reduce(Action::Confirmed);
        assert_eq!(deleted.step, Step::Welcome);
        assert_eq!(deleted.focus, (4, Focus::Heading));
        let dismissed = deleted.reduce(Action::Dismiss);
        assert_eq!(dismissed.focus, (5, Focus::Heading));
        let back = dismissed.reduce(Action::Start).reduce(Action::Back);
        assert_eq!(back.step, Step::Welcome);
        assert_eq!(back.focus, (7, Focus::Heading));
    }

    #[test]
    fn answers_erased_in_another_tab_are_forgotten_here_without_a_second_erase() {
        let scan = fresh().reduce(Action::Start);
        let calc = scan.model.question_index("calc").unwrap();
        let answered = scan.reduce(Action::Answer(calc, Some(Answer::Choice("yes".into()))));
        let erased = answered.reduce(Action::ErasedElsewhere);
        assert_eq!(erased.response.filled(), 0);
        assert_eq!(erased.step, Step::Welcome);
        assert_eq!(erased.notice, Some(Notice::Deleted));
        // This tab saves nothing and removes nothing: the other tab did.
        assert!(erased.erased && erased.erased_elsewhere);
        let again = erased.clone().reduce(Action::ErasedElsewhere);
        assert!(
            Rc::ptr_eq(&erased, &again),
            "a second signal changes nothing"
        );
        // Deleting here is this tab's own erase.
        let deleted = fresh()
            .reduce(Action::Ask(Confirm::Delete))
            .reduce(Action::Confirmed);
        assert!(deleted.erased && !deleted.erased_elsewhere);
    }

    #[test]
    fn after_a_delete_the_first_answer_keeps_what_another_tab_saved_meanwhile() {
        let scan = fresh().reduce(Action::Start);
        let model = scan.model.clone();
        let calc = model.question_index("calc").unwrap();
        let cx = model.question_index("cx").unwrap();
        let deleted = scan
            .reduce(Action::Answer(calc, Some(Answer::Choice("yes".into()))))
            .reduce(Action::Ask(Confirm::Delete))
            .reduce(Action::Confirmed);
        // The other tab answers after the delete, at a revision above this tab's.
        let mut theirs = Response::new(&model);
        theirs
            .set(&model, cx, Some(&Answer::Choice("hidden".into())))
            .unwrap();
        let json = model.save_state(&theirs, Step::Section(0), ("en", None), 40);
        let restored = model.restore_state(&json).unwrap();
        let waiting = deleted.clone().reduce(Action::Restore(Box::new(restored)));
        // Not on this tab's screen, and nothing saved: the tab stays erased.
        assert_eq!(waiting.response.filled(), 0);
        assert!(waiting.erased);
        // This tab moves between steps, and then answers another question.
        let answered = waiting
            .reduce(Action::Start)
            .reduce(Action::Back)
            .reduce(Action::Start)
            .reduce(Action::Answer(calc, Some(Answer::Choice("no".into()))));
        assert!(!answered.erased);
        assert_eq!(
            answered.response.slot(cx),
            theirs.slot(cx),
            "the other tab's answer is kept"
        );
        assert_ne!(
            answered.response.slot(calc),
            Slot::Empty,
            "and this one is added"
        );
        assert!(answered.revision > 40, "saved above the other tab's save");
        assert!(!answered.unseen);

        // Starting over clears the other tabs' answers too, as it clears them everywhere.
        let again = deleted
            .reduce(Action::Restore(Box::new(
                model.restore_state(&json).unwrap(),
            )))
            .reduce(Action::Ask(Confirm::StartOver))
            .reduce(Action::Confirmed);
        assert_eq!(again.response.filled(), 0);
    }

    #[test]
    fn a_step_that_an_answer_hides_is_left_for_the_next_one_on_show() {
        let scan = fresh();
        let calc = scan.model.question_index("calc").unwrap();
        let (calculator, _) = scan
            .model
            .position(scan.model.question_index("c_new").unwrap());
        let on_calculator = scan
            .reduce(Action::Answer(calc, Some(Answer::Choice("yes".into()))))
            .reduce(Action::GoTo(calculator));
        assert_eq!(on_calculator.step, Step::Section(calculator));
        // Another tab (or an import) answers "no": the calculator is hidden.
        let hidden = on_calculator
            .clone()
            .reduce(Action::Answer(calc, Some(Answer::Choice("no".into()))));
        assert_eq!(hidden.step, Step::Section(calculator + 1));
        assert_eq!(hidden.focus.1, Focus::Heading);
        assert!(
            hidden.focus.0 > on_calculator.focus.0,
            "the new step's heading takes focus"
        );
        // Saved on that step with "no": the scan opens on the next one.
        let saved = on_calculator.model.save_state(
            &hidden.response,
            Step::Section(calculator),
            ("en", None),
            3,
        );
        let restored = on_calculator.model.restore_state(&saved).unwrap();
        let reopened = Scan::new(on_calculator.model.clone(), "en", Some(restored), None);
        assert_eq!(reopened.step, Step::Section(calculator + 1));
    }

    #[test]
    fn an_import_that_would_replace_answers_waits_for_a_yes_and_an_empty_one_changes_nothing() {
        let scan = fresh().reduce(Action::Start);
        let export = |answers: serde_json::Value| {
            let a = &scan.model.assessment;
            let text = serde_json::json!({"format": "sextant-export/1", "assessment": a.id,
                "version": a.version, "answers": answers});
            Box::new(scan.model.import(&text.to_string()).unwrap())
        };
        let calc = scan.model.question_index("calc").unwrap();
        let file = export(serde_json::json!({"calc": "no"}));
        let empty = export(serde_json::json!({}));

        // Nothing answered yet: the file's answers are taken at once.
        let taken = scan.clone().reduce(Action::Import(file.clone()));
        assert_eq!(taken.response.slot(calc), Slot::Choice(1));
        assert_eq!(taken.notice, Some(Notice::Imported));

        // Points that do not add up: the import lands on their step, not on the report.
        let a_win = scan.model.question_index("a_win").unwrap();
        let (proposition, _) = scan.model.position(a_win);
        let draft = fresh().reduce(Action::Import(export(
            serde_json::json!({"calc": "no", "a_win": {"oe": 4}}),
        )));
        assert_eq!(draft.response.slot(a_win), Slot::Draft);
        assert_eq!(draft.step, Step::Section(proposition));
        assert_eq!(draft.notice, Some(Notice::Imported));

        // Answers given: the import waits; Cancel keeps them, Yes replaces them.
        let answered = scan.reduce(Action::Answer(calc, Some(Answer::Choice("yes".into()))));
        let asked = answered.clone().reduce(Action::Import(file));
        assert_eq!(asked.confirm, Some(Confirm::Import));
        assert_eq!(asked.response, answered.response);
        let kept = asked.clone().reduce(Action::Cancel);
        assert_eq!((kept.confirm, kept.pending_import.is_none()), (None, true));
        assert_eq!(kept.response, answered.response);
        let replaced = asked.reduce(Action::Confirmed);
        assert_eq!(replaced.response.slot(calc), Slot::Choice(1));
        assert_eq!(replaced.notice, Some(Notice::Imported));

        // A file without one answer that fits changes nothing, and says so.
        let refused = answered.clone().reduce(Action::Import(empty));
        assert_eq!(refused.response, answered.response);
        assert_eq!(refused.confirm, None);
        assert_eq!(
            refused.notice,
            Some(Notice::ImportFailed(ImportFailure::Empty, String::new()))
        );
    }

    #[test]
    fn an_entry_that_is_not_an_answer_keeps_the_visitor_on_the_step_and_the_answer_before() {
        let scan = fresh();
        let q = scan.model.question_index("c_new").unwrap();
        let (section, _) = scan.model.position(q);
        // The calculator is asked only of those who want it.
        let calc = scan.model.question_index("calc").unwrap();
        let on_step = scan
            .reduce(Action::Answer(calc, Some(Answer::Choice("yes".into()))))
            .reduce(Action::GoTo(section));
        assert!(
            on_step.scores.question_visible[q],
            "the question is on show"
        );
        let answered = on_step.reduce(Action::Entry(Field::of(q), Entry::Answer(Some(12.0))));
        assert_eq!(answered.response.slot(q), Slot::Num(12.0));

        // Out of range: the answer stays, and Next is refused with the entry named, focus
        // going to the message at every press.
        let typed = answered
            .clone()
            .reduce(Action::Entry(Field::of(q), Entry::OutOfRange));
        assert_eq!(typed.response.slot(q), Slot::Num(12.0));
        assert_eq!(typed.revision, answered.revision, "nothing new to save");
        let refused = typed.reduce(Action::Next);
        assert_eq!(refused.step, Step::Section(section));
        assert_eq!(refused.blocked, vec![(q, Blocker::Entry)]);
        assert_eq!(refused.focus.1, Focus::Blocked);
        let again = refused.clone().reduce(Action::Next);
        assert_eq!(again.step, Step::Section(section));
        assert!(again.focus.0 > refused.focus.0, "a new request for focus");

        // A valid entry clears the message and lets the visitor go on.
        let fixed = again.reduce(Action::Entry(Field::of(q), Entry::Answer(Some(15.0))));
        assert!(fixed.blocked.is_empty() && fixed.pending.is_empty());
        assert_eq!(fixed.response.slot(q), Slot::Num(15.0));
        let on = fixed.reduce(Action::Next);
        assert_ne!(on.step, Step::Section(section));

        // Emptying the field is an answer too: none.
        let emptied = answered
            .clone()
            .reduce(Action::Entry(Field::of(q), Entry::OutOfRange))
            .reduce(Action::Entry(Field::of(q), Entry::Answer(None)));
        assert_eq!(emptied.response.slot(q), Slot::Empty);
        assert!(emptied.pending.is_empty());

        // Leaving the step backwards drops the entry with its field.
        let back = answered
            .clone()
            .reduce(Action::Entry(Field::of(q), Entry::OutOfRange))
            .reduce(Action::Back);
        assert!(back.pending.is_empty());
        assert_eq!(back.response.slot(q), Slot::Num(12.0));

        // Starting over clears it too.
        let over = answered
            .reduce(Action::Entry(Field::of(q), Entry::OutOfRange))
            .reduce(Action::Ask(Confirm::StartOver))
            .reduce(Action::Confirmed);
        assert!(over.pending.is_empty() && over.blocked.is_empty());
    }

    #[test]
    fn an_entry_does_not_count_while_dont_know_is_chosen_or_once_another_tab_changed_the_answer() {
        let model = numbers();
        let scan = Rc::new(Scan::new(model.clone(), "en", None, None)).reduce(Action::Start);
        assert_eq!(scan.step, Step::Section(0));
        let typed = scan.reduce(Action::Entry(Field::of(0), Entry::OutOfRange));
        let unknown = typed.reduce(Action::Answer(0, Some(Answer::DontKnow)));
        let on = unknown.clone().reduce(Action::Next);
        assert_eq!(
            on.step,
            Step::Section(1),
            "the entry does not count beside don't know"
        );
        // Unticked again, the entry still shown counts again.
        let ticked_off = unknown.reduce(Action::Answer(0, None));
        assert_eq!(
            ticked_off.reduce(Action::Next).blocked,
            vec![(0, Blocker::Entry)]
        );

        // Another tab's new answer to the question replaces the entry in progress.
        let typed = Rc::new(Scan::new(model.clone(), "en", None, None))
            .reduce(Action::Start)
            .reduce(Action::Entry(Field::of(0), Entry::OutOfRange));
        let mut theirs = Response::new(&model);
        theirs.set(&model, 0, Some(&Answer::Number(3.0))).unwrap();
        let restored = typed.reduce(Action::Restore(Box::new(Restored {
            response: theirs,
            step: Step::Section(0),
            locale: "en".into(),
            host_locale: None,
            revision: 10,
            skipped: Vec::new(),
        })));
        assert_eq!(restored.response.slot(0), Slot::Num(3.0));
        assert!(restored.pending.is_empty());
        assert_eq!(restored.reduce(Action::Next).step, Step::Section(1));
    }

    #[test]
    fn each_statement_entry_of_an_allocation_is_pending_on_its_own() {
        let scan = fresh();
        let q = scan.model.question_index("a_win").unwrap();
        let (section, _) = scan.model.position(q);
        let on_step = scan.reduce(Action::GoTo(section));
        let first = Field {
            question: q,
            part: 0,
        };
        // "15" of 10 in the first statement, then + on the second: the first entry still
        // stands, and Next is refused for it.
        let typed = on_step.reduce(Action::Entry(first, Entry::OutOfRange));
        let other = typed.reduce(Action::Points(q, 1, 3));
        assert!(other.is_pending(first));
        let refused = other.reduce(Action::Next);
        assert_eq!(refused.step, Step::Section(section));
        assert!(refused.blocked.contains(&(q, Blocker::Entry)));
        // Points in the first statement settle its entry; the message goes with it.
        let fixed = refused.reduce(Action::Points(q, 0, 7));
        assert!(fixed.pending.is_empty());
        assert!(!fixed.blocked.contains(&(q, Blocker::Entry)));
        // Two pending statements name the question once.
        let twice = fixed
            .reduce(Action::Entry(first, Entry::OutOfRange))
            .reduce(Action::Entry(
                Field {
                    question: q,
                    part: 2,
                },
                Entry::OutOfRange,
            ))
            .reduce(Action::Next);
        let named = twice.blocked.iter().filter(|b| **b == (q, Blocker::Entry));
        assert_eq!(named.count(), 1);
    }

    #[test]
    fn past_the_highest_revision_the_last_save_wins_and_nothing_is_saved_back() {
        let model = numbers();
        let scan = Rc::new(Scan::new(model.clone(), "en", None, None));
        let q = 0;
        let saved = |answer: f64| {
            let mut response = Response::new(&model);
            response
                .set(&model, q, Some(&Answer::Number(answer)))
                .unwrap();
            model.save_state(&response, Step::Section(0), ("en", None), u64::MAX)
        };
        // Both tabs opened on a save at the largest revision, read as MAX_REVISION; this tab
        // answered since (one save above it).
        let mine = scan
            .reduce(Action::Restore(Box::new(
                model.restore_state(&saved(2.0)).unwrap(),
            )))
            .reduce(Action::Answer(q, Some(Answer::Number(4.0))));
        assert_eq!(mine.revision, MAX_REVISION + 1);
        // The other tab's later save reads back at MAX_REVISION: it is taken over as it is,
        // and this tab's revision stays, so nothing is saved back to start a round of saves.
        let theirs = model.restore_state(&saved(5.0)).unwrap();
        assert_eq!(theirs.revision, MAX_REVISION);
        let after = mine.clone().reduce(Action::Restore(Box::new(theirs)));
        assert_eq!(after.response.slot(q), Slot::Num(5.0));
        assert_eq!(after.revision, mine.revision);
        // The answers changed, so whatever is built from them is built again.
        assert_ne!(after.scored, mine.scored);
    }

    #[test]
    fn a_save_taken_over_at_the_same_revision_counts_as_new_answers() {
        let model = numbers();
        // This tab answers the first question (revision 1); another tab, at the same time,
        // saves that answer and one more, also at revision 1.
        let mine = Rc::new(Scan::new(model.clone(), "en", None, None))
            .reduce(Action::Answer(0, Some(Answer::Number(2.0))));
        assert_eq!(mine.revision, 1);
        let mut response = Response::new(&model);
        response.set(&model, 0, Some(&Answer::Number(2.0))).unwrap();
        response.set(&model, 1, Some(&Answer::Number(3.0))).unwrap();
        let theirs = model.save_state(&response, Step::Report, ("en", None), 1);
        let after = mine.clone().reduce(Action::Restore(Box::new(
            model.restore_state(&theirs).unwrap(),
        )));
        // The other tab's save holds every answer: taken over as it is, at its revision…
        assert_eq!(after.response.slot(1), Slot::Num(3.0));
        assert_eq!((after.revision, after.adopted), (1, 1));
        // …but with other answers than this tab had, so the report is built again.
        assert_ne!(after.scored, mine.scored);
        // A save that changes nothing here builds nothing again.
        let again = after.clone().reduce(Action::Restore(Box::new(
            model.restore_state(&theirs).unwrap(),
        )));
        assert_eq!(again.scored, after.scored);
    }

    #[test]
    fn a_save_taken_over_as_it_is_is_not_written_back() {
        let model = numbers();
        let q = 0;
        let mut response = Response::new(&model);
        response.set(&model, q, Some(&Answer::Number(3.0))).unwrap();
        let theirs = model.save_state(&response, Step::Report, ("en", None), 5);
        // An idle tab on the welcome screen takes over the other tab's save: it stays where it
        // is, and its revision is the adopted one, which the save effect skips.
        let idle = Rc::new(Scan::new(model.clone(), "en", None, None)).reduce(Action::Restore(
            Box::new(model.restore_state(&theirs).unwrap()),
        ));
        assert_eq!(idle.step, Step::Welcome);
        assert_eq!(idle.response.slot(q), Slot::Num(3.0));
        assert_eq!((idle.revision, idle.adopted), (5, 5));
        // Its own next change is saved again.
        let moved = idle.reduce(Action::Start);
        assert!(moved.revision > moved.adopted);
        // A merge that holds more than the other tab's save (made at the same time) is saved,
        // above both.
        let answered = Rc::new(Scan::new(model.clone(), "en", None, None))
            .reduce(Action::Answer(1, Some(Answer::Number(2.0))));
        assert_eq!(answered.revision, 1);
        let theirs = model.save_state(&response, Step::Report, ("en", None), 1);
        let merged = answered.reduce(Action::Restore(Box::new(
            model.restore_state(&theirs).unwrap(),
        )));
        assert_eq!(merged.response.slot(q), Slot::Num(3.0));
        assert_eq!((merged.revision, merged.adopted), (2, 0));
    }

    #[test]
    fn unticking_dont_know_brings_back_the_answer_it_replaced() {
        let model = numbers();
        let q = 0;
        let scan = Rc::new(Scan::new(model.clone(), "en", None, None))
            .reduce(Action::Answer(q, Some(Answer::Number(3.0))))
            .reduce(Action::Answer(q, Some(Answer::DontKnow)));
        assert_eq!(scan.response.slot(q), Slot::DontKnow);
        let back = scan.clone().reduce(Action::Answer(q, None));
        assert_eq!(back.response.slot(q), Slot::Num(3.0));
        assert!(back.before_dont_know.is_empty());
        // Unticked once more, nothing is left to bring back.
        let again = back
            .reduce(Action::Answer(q, Some(Answer::DontKnow)))
            .reduce(Action::Answer(q, None));
        assert_eq!(again.response.slot(q), Slot::Num(3.0));
        // Another answer in between replaces what was kept.
        let typed = scan
            .clone()
            .reduce(Action::Answer(q, Some(Answer::Number(5.0))))
            .reduce(Action::Answer(q, Some(Answer::DontKnow)))
            .reduce(Action::Answer(q, None));
        assert_eq!(typed.response.slot(q), Slot::Num(5.0));
        // After "Start over", "don't know" on an empty question unticks to empty.
        let over = scan
            .reduce(Action::Ask(Confirm::StartOver))
            .reduce(Action::Confirmed)
            .reduce(Action::Answer(q, Some(Answer::DontKnow)))
            .reduce(Action::Answer(q, None));
        assert_eq!(over.response.slot(q), Slot::Empty);
    }

    #[test]
    fn a_state_saved_on_the_report_without_answers_reopens_on_the_welcome_screen() {
        let model = numbers();
        let reopen = |response: &Response| {
            let saved = model.save_state(response, Step::Report, ("en", None), 3);
            Scan::new(
                model.clone(),
                "en",
                Some(model.restore_state(&saved).unwrap()),
                None,
            )
        };
        assert_eq!(reopen(&Response::new(&model)).step, Step::Welcome);
        let answered = Rc::new(Scan::new(model.clone(), "en", None, None))
            .reduce(Action::Start)
            .reduce(Action::Answer(0, Some(Answer::Number(1.0))));
        assert_eq!(reopen(&answered.response).step, Step::Report);
    }

    #[test]
    fn continue_from_the_welcome_screen_returns_to_the_furthest_step_reached() {
        let model = numbers();
        let sections = model.assessment.sections.len();
        assert!(
            sections >= 2,
            "the test assessment has steps to go back over"
        );
        let mut scan = Rc::new(Scan::new(model.clone(), "en", None, None))
            .reduce(Action::Start)
            .reduce(Action::Answer(0, Some(Answer::Number(1.0))));
        for _ in 1..sections {
            scan = scan.reduce(Action::Next);
        }
        let last = scan.step;
        assert_eq!(last, Step::Section(sections - 1));
        for _ in 0..sections {
            scan = scan.reduce(Action::Back);
        }
        assert_eq!(scan.step, Step::Welcome);
        assert_eq!(scan.clone().reduce(Action::Start).step, last);
        // Reopened from saved answers, with nothing reached on this page: the first step with
        // a question still open.
        let saved = model.save_state(&scan.response, Step::Welcome, ("en", None), 9);
        let reopened = Rc::new(Scan::new(
            model.clone(),
            "en",
            Some(model.restore_state(&saved).unwrap()),
            None,
        ));
        let open = (0..sections)
            .find(|&s| {
                model
                    .section_questions(s)
                    .any(|q| scan.response.slot(q) == Slot::Empty)
            })
            .unwrap();
        assert_eq!(reopened.reduce(Action::Start).step, Step::Section(open));
        // Reopened on a step, then back to the welcome screen: that step.
        let saved = model.save_state(&scan.response, last, ("en", None), 9);
        let mut there = Rc::new(Scan::new(
            model.clone(),
            "en",
            Some(model.restore_state(&saved).unwrap()),
            None,
        ));
        for _ in 0..sections {
            there = there.reduce(Action::Back);
        }
        assert_eq!(there.reduce(Action::Start).step, last);
        // Without an answer the button says "Start", and starts at the first step.
        let mut empty = Rc::new(Scan::new(model.clone(), "en", None, None)).reduce(Action::Start);
        for _ in 1..sections {
            empty = empty.reduce(Action::Next);
        }
        for _ in 0..sections {
            empty = empty.reduce(Action::Back);
        }
        assert_eq!(empty.reduce(Action::Start).step, Step::Section(0));
        // After "Delete my answers": the first step.
        let deleted = scan
            .reduce(Action::Ask(Confirm::Delete))
            .reduce(Action::Confirmed);
        assert_eq!(deleted.reduce(Action::Start).step, Step::Section(0));
    }
}
