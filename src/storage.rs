//! `localStorage`, used defensively: a browser that refuses storage (private modes, sandboxed
//! frames, a full quota) makes every call a no-op instead of an error.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The page's local storage, when the browser allows it.
fn storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    // A storage that cannot be read is not used at all: a save into it could replace answers
    // that could not be read back.
    storage.get_item(PROBE).ok()?;
    Some(storage)
}

/// The key read to find out whether storage can be read.
const PROBE: &str = "sextant:probe";

/// Whether storage can be used at all.
pub fn available() -> bool {
    storage().is_some()
}

/// Reads a key.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a key; `false` when the browser refused.
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Where the fingerprint of the answers `sextant:complete` was last sent with is kept.
pub fn completed_key(key: &str) -> String {
    format!("{key}:completed")
}

/// Tells the other tabs that the answers under `key` were erased: a value written to
/// `{key}:erased` and removed at once, which reaches them as a `storage` event and leaves
/// nothing behind. Widgets on this page with the same key (`from` is the one that erased) are
/// told directly, since a page gets no `storage` event for its own writes.
pub fn announce_erased(key: &str, from: u32) {
    let signal = erased_signal(key);
    set(&signal, "1");
    remove(&signal);
    tell_page(from, key, &PageSignal::Erased);
}

/// What one widget tells the others on the same page that keep their answers under the same key
/// (a host that did not give them different `storage-key`s): what other tabs learn from
/// `storage` events.
#[derive(Debug, Clone, PartialEq)]
pub enum PageSignal {
    /// The saved state was written: the JSON.
    Saved(String),
    /// The answers were erased.
    Erased,
}

/// A widget's listener for [`PageSignal`]s.
type Listener = Rc<dyn Fn(&PageSignal)>;

type PageListener = (u32, String, Listener);

thread_local! {
    /// The mounted widgets' listeners: (widget, key, listener).
    static PAGE: RefCell<Vec<PageListener>> = const { RefCell::new(Vec::new()) };
    /// The number of the next widget to listen.
    static NEXT_WIDGET: Cell<u32> = const { Cell::new(1) };
}

/// A number for a widget on this page, for [`listen_on_page`] and [`tell_page`].
pub fn widget_number() -> u32 {
    NEXT_WIDGET.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

/// Calls `listener` with what other widgets on this page tell about `key`, until
/// [`stop_listening`] with the same `widget`.
pub fn listen_on_page(widget: u32, key: &str, listener: impl Fn(&PageSignal) + 'static) {
    PAGE.with(|p| {
        p.borrow_mut()
            .push((widget, key.to_owned(), Rc::new(listener)))
    });
}

/// Stops `widget`'s listener.
pub fn stop_listening(widget: u32) {
    PAGE.with(|p| p.borrow_mut().retain(|(w, ..)| *w != widget));
}

/// Tells every other widget on this page that listens to `key`.
pub fn tell_page(from: u32, key: &str, signal: &PageSignal) {
    // Collected first: a listener may start or stop listening.
    let listeners: Vec<Listener> = PAGE.with(|p| {
        p.borrow()
            .iter()
            .filter(|(w, k, _)| *w != from && k == key)
            .map(|(.., f)| f.clone())
            .collect()
    });
    for listener in listeners {
        listener(signal);
    }
}

/// The key whose writes say that the answers under `key` were erased.
pub fn erased_signal(key: &str) -> String {
    format!("{key}:erased")
}

/// Removes a key.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every key that starts with `prefix`.
pub fn keys(prefix: &str) -> Vec<String> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// The answers saved for other versions of assessment `id` under `prefix` (`{storage key}:{id}:`),
/// as (key, version): keys whose value says it is saved state of that assessment and version.
/// Not `own`, and no set-aside copy. The value decides, not the key alone: another embedding's
/// storage key may contain `:` and so share the prefix.
pub fn other_versions(prefix: &str, id: &str, own: &str) -> Vec<(String, String)> {
    keys(prefix)
        .into_iter()
        .filter(|k| k != own && !is_set_aside(k))
        .filter_map(|k| {
            let (assessment, version) = sextant_engine::save::saved_for(&get(&k)?)?;
            (assessment == id && k == format!("{prefix}{version}")).then_some((k, version))
        })
        .collect()
}

/// Removes `key` and every copy of it set aside.
pub fn remove_with_copies(key: &str) {
    remove(key);
    remove(&completed_key(key));
    for n in 1..=SET_ASIDE_SLOTS {
        remove(&set_aside_key(key, n));
    }
}

/// How many damaged saves are kept aside per key: `{key}:set-aside`, then `…:set-aside:2` and
/// so on.
pub const SET_ASIDE_SLOTS: usize = 9;

/// The key of set-aside slot `n` (1-based) for `key`.
fn set_aside_key(key: &str, n: usize) -> String {
    if n == 1 {
        format!("{key}:set-aside")
    } else {
        format!("{key}:set-aside:{n}")
    }
}

/// Whether `key` is a set-aside copy, not saved answers.
pub fn is_set_aside(key: &str) -> bool {
    key.contains(":set-aside")
}

/// Copies `value` to the first free set-aside slot of `key`, and says whether it is kept. An
/// earlier copy is never overwritten, and a value that a slot already holds, byte for byte, is
/// kept already and takes no second slot. When every slot holds another value (or the browser
/// refuses the copy), it is not kept.
pub fn keep_copy(key: &str, value: &str) -> bool {
    let mut free = None;
    for slot in (1..=SET_ASIDE_SLOTS).map(|n| set_aside_key(key, n)) {
        match get(&slot) {
            Some(kept) if kept == value => return true,
            Some(_) => {}
            None => {
                free.get_or_insert(slot);
            }
        }
    }
    matches!(free, Some(slot) if set(&slot, value))
}

/// Moves the value of `key` to the first free set-aside slot ([`keep_copy`]), keeping it rather
/// than deleting it, and says whether it is kept: it is removed from `key` only once its copy
/// is written. When it cannot be kept, it stays under `key`, unloaded, and the answer is
/// `false`: the next save replaces it, and the visitor must be told so.
pub fn set_aside(key: &str) -> bool {
    let Some(value) = get(key) else {
        return true;
    };
    let kept = keep_copy(key, &value);
    if kept {
        remove(key);
    }
    kept
}
