//! `localStorage`, used defensively: a browser that refuses storage (private modes, sandboxed
//! frames, a full quota) makes every call a no-op instead of an error.

/// The page's local storage, when the browser allows it.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

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

/// Moves a value to `{key}:set-aside`, keeping it rather than deleting it.
pub fn set_aside(key: &str) {
    if let Some(value) = get(key) {
        set(&format!("{key}:set-aside"), &value);
        remove(key);
    }
}
