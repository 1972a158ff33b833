//! App-wide state handed down by context: the rats, banners and the undo toast.
//! Every change goes to storage first; the signals change only when the write succeeded.

use crate::domain::rat::{sort_for_list, Rat, RatId, ValidRat};
use crate::platform;
use crate::store::backend::{Backend, MemoryBackend};
use crate::store::local::LocalStorageBackend;
use crate::store::{LoadIssue, Store, StoreError, Usage, RATS_KEY_PUBLIC};
use leptos::prelude::*;

pub const APP_VERSION: &str = match option_env!("RATBOND_VERSION") {
    Some(v) => v,
    None => env!("CARGO_PKG_VERSION"),
};

/// A message that stays until it is dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Banner {
    /// The browser gives no storage: nothing will be kept.
    MemoryOnly,
    /// A write failed; the app's state is as it was before.
    SaveFailed(String),
    /// Something found while opening storage.
    Load(LoadIssue),
}

/// A short message with an optional undo, shown at the bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub undo: Option<Undo>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    RestoreRat { rat: Box<Rat> },
}

#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<Store, LocalStorage>,
    pub rats: RwSignal<Vec<Rat>>,
    pub banners: RwSignal<Vec<Banner>>,
    pub toast: RwSignal<Option<Toast>>,
    pub update_ready: RwSignal<bool>,
    pub persistent: bool,
    pub read_only: bool,
}

/// How long an undo stays on offer.
pub const UNDO_MS: i32 = 8_000;

impl AppState {
    /// Opens browser storage, or memory when there is none, and reports what it found.
    pub fn open() -> Self {
        let backend: Box<dyn Backend> = match LocalStorageBackend::open() {
            Some(local) => Box::new(local),
            None => Box::new(MemoryBackend::new()),
        };
        Self::with_backend(backend)
    }

    pub fn with_backend(backend: Box<dyn Backend>) -> Self {
        let opened = Store::open(backend, APP_VERSION, platform::now_ms());
        let mut banners: Vec<Banner> = opened.issues.into_iter().map(Banner::Load).collect();
        let persistent = opened.store.is_persistent();
        if !persistent {
            banners.insert(0, Banner::MemoryOnly);
        }
        let read_only = opened.store.is_read_only();
        let mut rats = opened.rats;
        sort_for_list(&mut rats);
        AppState {
            store: StoredValue::new_local(opened.store),
            rats: RwSignal::new(rats),
            banners: RwSignal::new(banners),
            toast: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            persistent,
            read_only,
        }
    }

    pub fn rat(&self, id: &RatId) -> Option<Rat> {
        self.rats
            .with(|rats| rats.iter().find(|r| &r.id == id).cloned())
    }

    /// Saves a changed list; on failure shows why and keeps the old list.
    fn commit(&self, mut next: Vec<Rat>) -> Result<(), StoreError> {
        sort_for_list(&mut next);
        let saved = self.store.with_value(|store| store.save_rats(&next));
        match saved {
            Ok(()) => {
                self.rats.set(next);
                self.banners
                    .update(|b| b.retain(|b| !matches!(b, Banner::SaveFailed(_))));
                Ok(())
            }
            Err(e) => {
                let text = e.to_string();
                self.banners.update(|b| {
                    b.retain(|b| !matches!(b, Banner::SaveFailed(_)));
                    b.push(Banner::SaveFailed(text));
                });
                Err(e)
            }
        }
    }

    pub fn add_rat(&self, valid: ValidRat) -> Result<RatId, StoreError> {
        let id = RatId(platform::new_id("r"));
        let rat = Rat::new(id.clone(), valid, platform::now_ms());
        let mut next = self.rats.get_untracked();
        next.push(rat);
        self.commit(next).map(|_| id)
    }

    pub fn update_rat(&self, id: &RatId, valid: ValidRat) -> Result<(), StoreError> {
        let mut next = self.rats.get_untracked();
        if let Some(rat) = next.iter_mut().find(|r| &r.id == id) {
            rat.apply(valid, platform::now_ms());
        }
        self.commit(next)
    }

    pub fn set_archived(&self, id: &RatId, archived: bool) -> Result<(), StoreError> {
        let mut next = self.rats.get_untracked();
        if let Some(rat) = next.iter_mut().find(|r| &r.id == id) {
            rat.archived = archived;
            rat.updated_at = platform::now_ms();
        }
        self.commit(next)
    }

    /// Deletes at once and offers an undo for a few seconds.
    pub fn delete_rat(&self, id: &RatId) -> Result<(), StoreError> {
        let mut next = self.rats.get_untracked();
        let Some(pos) = next.iter().position(|r| &r.id == id) else {
            return Ok(());
        };
        let rat = next.remove(pos);
        self.commit(next)?;
        self.show_toast(
            format!("{} was deleted.", rat.name),
            Some(Undo::RestoreRat { rat: Box::new(rat) }),
        );
        Ok(())
    }

    pub fn undo(&self, undo: Undo) {
        match undo {
            Undo::RestoreRat { rat } => {
                let mut next = self.rats.get_untracked();
                if next.iter().all(|r| r.id != rat.id) {
                    let name = rat.name.clone();
                    next.push(*rat);
                    if self.commit(next).is_ok() {
                        self.show_toast(format!("{name} is back."), None);
                        return;
                    }
                }
            }
        }
        self.toast.set(None);
    }

    pub fn show_toast(&self, text: String, undo: Option<Undo>) {
        let id = platform::now_ms() as u64;
        self.toast.set(Some(Toast { id, text, undo }));
        let toast = self.toast;
        set_timeout(
            move || {
                if toast.get_untracked().is_some_and(|t| t.id == id) {
                    toast.set(None);
                }
            },
            std::time::Duration::from_millis(UNDO_MS as u64),
        );
    }

    pub fn dismiss_banner(&self, banner: &Banner) {
        self.banners.update(|b| b.retain(|x| x != banner));
    }

    pub fn usage(&self) -> Option<Usage> {
        self.store.with_value(|s| s.usage().ok())
    }

    pub fn raw_text(&self, key: &str) -> Option<String> {
        self.store.with_value(|s| s.raw(key))
    }

    pub fn forget_quarantined(&self, key: &str) -> Result<(), StoreError> {
        self.store.with_value(|s| s.forget_quarantined(key))?;
        self.banners.update(|b| {
            b.retain(|x| {
                !matches!(x, Banner::Load(LoadIssue::Quarantined { quarantine_key, .. }) if quarantine_key == key)
            })
        });
        Ok(())
    }

    /// Another tab changed storage: read the rats again so both tabs agree.
    pub fn listen_to_other_tabs(&self) {
        let state = *self;
        platform::on_storage_change(move |key| {
            let relevant = key.as_deref().is_none_or(|k| k == RATS_KEY_PUBLIC);
            if !relevant {
                return;
            }
            if let Ok(mut rats) = state.store.with_value(|s| s.reload_rats()) {
                sort_for_list(&mut rats);
                if rats != state.rats.get_untracked() {
                    state.rats.set(rats);
                    state.show_toast("Updated from another tab.".into(), None);
                }
            }
        });
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
