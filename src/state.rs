//! App-wide state handed down by context: the rats, banners and the undo toast.
//! Every change goes to storage first; the signals change only when the write succeeded.

use crate::domain::chooser::Answers;
use crate::domain::date::LocalDate;
use crate::domain::ics::Reminder;
use crate::domain::program::Programs;
use crate::domain::rat::{sort_for_list, Rat, RatId, ValidRat};
use crate::domain::session::{replace_months, sort_sessions, Override, Session, SessionId};
use crate::domain::streak::RestDays;
use crate::domain::technique::TechniqueId;
use crate::domain::timer::SessionTimer;
use crate::platform;
use crate::store::backend::{Backend, BackendError, MemoryBackend};
use crate::store::backup::{same_records, BackupData};
use crate::store::device::{DevicePrefs, DEVICE_KEY};
use crate::store::local::LocalStorageBackend;
use crate::store::{LoadIssue, Store, StoreError, Usage, RATS_KEY_PUBLIC};
use crate::text::toast;
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
    /// A write was refused because storage is full; the app's state is as it was before.
    StorageFull,
}

impl Banner {
    /// Tells banners apart in a keyed list.
    pub fn key(&self) -> String {
        match self {
            Banner::MemoryOnly => "memory".into(),
            Banner::SaveFailed(why) => format!("save:{why}"),
            Banner::StorageFull => "full".into(),
            Banner::Load(LoadIssue::Quarantined { quarantine_key, .. }) => {
                format!("kept:{quarantine_key}")
            }
            Banner::Load(issue) => format!("load:{issue}"),
        }
    }
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
    RestoreRat {
        rat: Box<Rat>,
    },
    /// Archiving or bringing a rat back, turned around.
    SetArchived {
        rat: RatId,
        archived: bool,
    },
    RestoreSession {
        session: Box<Session>,
    },
}

#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<Store, LocalStorage>,
    pub rats: RwSignal<Vec<Rat>>,
    /// Every session, oldest first.
    pub sessions: RwSignal<Vec<Session>>,
    pub programs: RwSignal<Programs>,
    pub timer: RwSignal<Option<SessionTimer>>,
    pub banners: RwSignal<Vec<Banner>>,
    pub toast: RwSignal<Option<Toast>>,
    pub update_ready: RwSignal<bool>,
    /// Minutes since local midnight, kept current while the app is open (see `reminders`).
    pub minute: RwSignal<u32>,
    /// Today's local date as days since 1970, kept current the same way, so a screen left
    /// open overnight moves on. A number, not a `LocalDate`: a signal of a new type costs
    /// the wasm more than this whole feature. Read it with [`AppState::today`].
    pub day_number: RwSignal<u32>,
    pub persistent: bool,
    pub read_only: bool,
    /// What the data was before the last restore and what the restore made of it, for its
    /// one-tap undo while nothing else has changed.
    restore_undo: StoredValue<Option<RestoreUndo>, LocalStorage>,
    /// What the last restore did ("Merged: …"), while its undo is on offer.
    pub restored: RwSignal<Option<String>>,
    /// Whether the browser promised to keep the data (`None`: not known).
    pub protected: RwSignal<Option<bool>>,
    /// Set once `protect_storage` has asked, so Settings doesn't ask again while that
    /// answer is on its way.
    protection_asked: StoredValue<bool>,
    /// Counts changes to `sessions` and `programs`, so a screen can tell that what it worked
    /// out from them earlier is still current.
    history_rev: StoredValue<u64>,
    /// Today's cards by rat, so coming back to Today replays only the rats that changed.
    plan_cache: StoredValue<crate::domain::today::PlanCache, LocalStorage>,
}

/// Before and after a restore: Undo goes back to `before` only while the data is `after`.
struct RestoreUndo {
    before: BackupData,
    after: BackupData,
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
        // `opened.pending_months` are read by `load_history` right after the first screen.
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
            sessions: RwSignal::new(opened.sessions),
            programs: RwSignal::new(opened.programs),
            timer: RwSignal::new(opened.timer),
            banners: RwSignal::new(banners),
            toast: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            minute: RwSignal::new(0),
            day_number: RwSignal::new(day_number(platform::today())),
            persistent,
            read_only,
            restore_undo: StoredValue::new_local(None),
            restored: RwSignal::new(None),
            protected: RwSignal::new(None),
            protection_asked: StoredValue::new(false),
            history_rev: StoredValue::new(0),
            plan_cache: StoredValue::new_local(Default::default()),
        }
    }

    pub fn rat(&self, id: &RatId) -> Option<Rat> {
        self.rats
            .with(|rats| rats.iter().find(|r| &r.id == id).cloned())
    }

    /// Shows a failed write (or clears an old failure) in the banner area.
    fn report<T>(&self, saved: Result<T, StoreError>) -> Result<T, StoreError> {
        self.banners.update(|b| {
            b.retain(|b| !matches!(b, Banner::SaveFailed(_) | Banner::StorageFull));
            match &saved {
                Ok(_) => {}
                Err(StoreError::Backend(BackendError::Quota)) => b.push(Banner::StorageFull),
                Err(e) => b.push(Banner::SaveFailed(e.to_string())),
            }
        });
        saved
    }

    /// This device's theme and install choices (not rat data, not in backups).
    pub fn device_prefs(&self) -> DevicePrefs {
        self.store.with_value(Store::device_prefs)
    }

    pub fn save_device_prefs(&self, prefs: &DevicePrefs) -> Result<(), StoreError> {
        self.report(self.store.with_value(|s| s.save_device_prefs(prefs)))
    }

    /// Saves a changed list, merged with what another tab may have saved meanwhile; on
    /// failure shows why and keeps the old list.
    fn commit(&self, next: Vec<Rat>) -> Result<(), StoreError> {
        let before = self.rats.get_untracked();
        let mut merged = self.report(
            self.store
                .with_value(|store| store.write_rats(&before, &next)),
        )?;
        sort_for_list(&mut merged);
        self.rats.set(merged);
        self.end_restore_undo();
        Ok(())
    }

    /// See `history_rev`: every change to sessions or plans goes through these three.
    fn set_programs(&self, programs: Programs) {
        self.history_rev.update_value(|rev| *rev += 1);
        self.programs.set(programs);
    }

    fn set_sessions(&self, sessions: Vec<Session>) {
        self.history_rev.update_value(|rev| *rev += 1);
        self.sessions.set(sessions);
    }

    fn update_sessions(&self, change: impl FnOnce(&mut Vec<Session>)) {
        self.history_rev.update_value(|rev| *rev += 1);
        self.sessions.update(change);
    }

    /// Today's cards (tracking rats, plans and sessions), reusing unchanged rats' cards.
    pub fn plan(&self, today: LocalDate) -> Vec<crate::domain::today::PlanCard> {
        use crate::domain::today::{plan, plan_with};
        self.rats.with(|rats| {
            self.programs.with(|programs| {
                self.sessions.with(|sessions| {
                    self.plan_cache
                        .try_update_value(|cache| plan_with(rats, programs, sessions, today, cache))
                        .unwrap_or_else(|| plan(rats, programs, sessions, today))
                })
            })
        })
    }

    /// The stored rats couldn't be read and were kept aside (until that copy is deleted).
    pub fn rats_unreadable(&self) -> bool {
        self.kept_aside(crate::text::store::RAT_PROFILES)
    }

    /// Likewise the training plans (which technique each rat is on).
    pub fn plans_unreadable(&self) -> bool {
        self.kept_aside(crate::text::store::TRAINING_PROGRAMS)
    }

    fn kept_aside(&self, record: &str) -> bool {
        self.banners.with(|banners| {
            banners.iter().any(|b| {
                matches!(b, Banner::Load(LoadIssue::Quarantined { what, .. }) if *what == record)
            })
        })
    }

    /// Today's date, tracked: see `day_number`.
    pub fn today(&self) -> LocalDate {
        LocalDate::from_days(i64::from(self.day_number.get())).unwrap_or_else(platform::today)
    }

    /// Moves `today` on when the local date changed.
    pub fn set_today(&self, today: LocalDate) {
        let n = day_number(today);
        if self.day_number.get_untracked() != n {
            self.day_number.set(n);
        }
    }

    /// Changes whenever sessions or plans change (in this tab, from another, or a restore).
    pub fn history_rev(&self) -> u64 {
        self.history_rev.get_value()
    }

    fn commit_programs(&self, next: Programs) -> Result<(), StoreError> {
        let merged = self.report(self.write_programs(&next))?;
        self.set_programs(merged);
        self.end_restore_undo();
        Ok(())
    }

    /// Writes plans (merged with what another tab saved) without showing them.
    fn write_programs(&self, next: &Programs) -> Result<Programs, StoreError> {
        let before = self.programs.get_untracked();
        self.store
            .with_value(|store| store.write_programs(&before, next))
    }

    /// Backup bookkeeping (the day of the last backup, "Not now") is kept even when storage
    /// refuses it, and leaves a restore's Undo on offer: Undo ignores it (`same_records`).
    fn keep_backup_bookkeeping(&self, next: Programs, result: Result<Programs, StoreError>) {
        self.set_programs(result.unwrap_or(next));
    }

    /// Writes the sessions that changed (merged per month with what another tab saved),
    /// then shows those months as stored.
    fn commit_sessions(
        &self,
        upserts: &[Session],
        removals: &[(SessionId, LocalDate)],
    ) -> Result<(), StoreError> {
        let merged = self.report(
            self.store
                .with_value(|store| store.write_sessions(upserts, removals)),
        )?;
        let touched: Vec<(i32, u8)> = upserts
            .iter()
            .map(|s| s.day)
            .chain(removals.iter().map(|r| r.1))
            .map(|d| (d.year(), d.month()))
            .collect();
        // In place and month by month: five years of sessions are too many to copy, filter
        // or sort again on every save.
        self.update_sessions(|all| replace_months(all, &touched, merged));
        self.end_restore_undo();
        Ok(())
    }

    /// Reads the months not read at start-up (start-up reads only what Today needs).
    /// Cheap once done; everything that needs the whole history calls it first.
    pub fn load_history(&self) {
        if self.store.with_value(|s| s.pending_months().is_empty()) {
            return;
        }
        let Some((more, issues)) = self
            .store
            .try_update_value(|s| s.load_pending(platform::now_ms()))
        else {
            return;
        };
        if !more.is_empty() {
            self.update_sessions(|all| {
                let loaded = std::mem::take(all);
                *all = crate::store::merge_sessions(loaded, more);
            });
        }
        if !issues.is_empty() {
            self.banners
                .update(|b| b.extend(issues.into_iter().map(Banner::Load)));
        }
    }

    pub fn choose_technique(
        &self,
        rat: &RatId,
        technique: TechniqueId,
        answers: Option<Answers>,
    ) -> Result<(), StoreError> {
        let mut next = self.programs.get_untracked();
        let program = next.entry(rat);
        if answers.is_some() {
            program.answers = answers;
        }
        program.choose(technique, platform::today(), platform::now_ms());
        self.commit_programs(next)
    }

    /// Replaces a rat's rest days.
    pub fn set_rest(&self, rat: &RatId, rest: RestDays) -> Result<(), StoreError> {
        let mut next = self.programs.get_untracked();
        let program = next.entry(rat);
        program.rest = rest;
        program.updated_at = platform::now_ms();
        self.commit_programs(next)
    }

    /// The owner's practice times and whether to notify while the app is open.
    pub fn set_practice(&self, times: Vec<Reminder>, notify: bool) -> Result<(), StoreError> {
        let mut next = self.programs.get_untracked();
        next.set_practice_times(times);
        next.notify = notify;
        self.commit_programs(next)
    }

    /// Everything the owner has, as a backup holds it.
    pub fn data(&self) -> BackupData {
        self.load_history();
        BackupData {
            rats: self.rats.get_untracked(),
            sessions: self.sessions.get_untracked(),
            programs: self.programs.get_untracked(),
        }
    }

    /// Everything the owner has, as a backup file's text.
    pub fn backup_text(&self) -> String {
        crate::store::backup::export(&self.data(), APP_VERSION, platform::now_ms())
    }

    fn show_all(&self, data: BackupData) {
        let mut rats = data.rats;
        sort_for_list(&mut rats);
        self.rats.set(rats);
        let mut sessions = data.sessions;
        sort_sessions(&mut sessions);
        self.set_sessions(sessions);
        self.set_programs(data.programs);
    }

    /// What storage holds now, read afresh: another tab may have written since this one last
    /// heard. What this tab shows when storage can't be read.
    pub fn stored_data(&self) -> BackupData {
        self.store
            .with_value(Store::read_all)
            .unwrap_or_else(|_| self.data())
    }

    /// Puts a restored (merged or replaced) data set in place, keeping what was here for Undo.
    /// On error nothing changed. A merge should start from [`AppState::stored_data`], so it
    /// keeps what another tab wrote a moment ago.
    pub fn restore(&self, next: BackupData, done: String) -> Result<(), StoreError> {
        let previous = self.stored_data();
        self.report(
            self.store
                .with_value(|store| store.replace_all(&next, &previous)),
        )?;
        self.show_all(next);
        // As shown (show_all sorts), so Undo can tell whether anything changed since.
        self.restore_undo.set_value(Some(RestoreUndo {
            before: previous,
            after: self.data(),
        }));
        self.restored.set(Some(done));
        Ok(())
    }

    /// Brings back what was here before the last restore: `Ok(false)` (and no more offer)
    /// when anything changed since, here or in another tab, as going back would lose it.
    pub fn undo_restore(&self) -> Result<bool, StoreError> {
        let now = self.data();
        // What is stored now, not only what this tab shows: another tab's write may not have
        // reached this one yet. Unreadable counts as changed.
        let stored = self.store.with_value(Store::read_all).ok();
        let unchanged = self.restore_undo.with_value(|undo| {
            undo.as_ref().map(|u| {
                same_records(&u.after, &now)
                    && stored.as_ref().is_some_and(|s| same_records(&u.after, s))
            })
        });
        match unchanged {
            None => return Ok(false),
            Some(false) => {
                self.end_restore_undo();
                return Ok(false);
            }
            Some(true) => {}
        }
        let Some(mut before) = self
            .restore_undo
            .with_value(|undo| undo.as_ref().map(|u| u.before.clone()))
        else {
            return Ok(false);
        };
        // A backup made since the restore still happened.
        before.programs.last_backup = now.programs.last_backup;
        before.programs.backup_snoozed = now.programs.backup_snoozed;
        // On error the offer stays: nothing changed.
        self.report(
            self.store
                .with_value(|store| store.replace_all(&before, &now)),
        )?;
        self.show_all(before);
        self.end_restore_undo();
        Ok(true)
    }

    /// A change after a restore ends its undo: going back would lose the change.
    fn end_restore_undo(&self) {
        if self.restore_undo.with_value(Option::is_some) {
            self.restore_undo.set_value(None);
            self.restored.set(None);
        }
    }

    /// Takes sessions before `before` out of the browser, after the owner saved them in a file.
    /// `Ok(None)`, and nothing removed, when storage holds other records than this tab shows
    /// (another tab wrote since): the file, made from this tab, may lack them.
    pub fn archive_before(&self, before: LocalDate) -> Result<Option<usize>, StoreError> {
        let previous = self.data();
        let stored = self.store.with_value(Store::read_all).ok();
        if !stored.is_some_and(|s| same_records(&s, &previous)) {
            return Ok(None);
        }
        let mut next = previous.clone();
        next.sessions.retain(|s| s.day >= before);
        let moved = previous.sessions.len() - next.sessions.len();
        self.report(
            self.store
                .with_value(|store| store.replace_all(&next, &previous)),
        )?;
        self.show_all(next);
        Ok(Some(moved))
    }

    /// Deletes every rat, session and setting from this browser.
    pub fn delete_everything(&self) -> Result<(), StoreError> {
        self.report(
            self.store
                .with_value(|store| store.clear_all(platform::now_ms())),
        )?;
        self.show_all(BackupData::default());
        self.timer.set(None);
        self.end_restore_undo();
        self.banners
            .update(|b| b.retain(|x| !matches!(x, Banner::Load(LoadIssue::Quarantined { .. }))));
        Ok(())
    }

    /// "Not now" on Today's backup reminder: it comes back in two weeks if still needed.
    pub fn snooze_backup(&self, today: LocalDate) {
        let mut next = self.programs.get_untracked();
        next.backup_snoozed = Some(today);
        // Hidden for now either way; on error the banner says why it didn't stick.
        let result = self.report(self.write_programs(&next));
        self.keep_backup_bookkeeping(next, result);
    }

    /// Once there is real history, asks the browser not to clear it (no prompt in most
    /// browsers; Firefox asks once), and remembers the answer for Settings.
    pub fn protect_storage(&self) {
        if !self.persistent
            || self.sessions.with_untracked(Vec::is_empty)
            || self.protection_asked.get_value()
        {
            return;
        }
        self.protection_asked.set_value(true);
        let protected = self.protected;
        leptos::task::spawn_local(async move {
            let answer = match platform::storage_persisted().await {
                Some(true) => Some(true),
                _ => platform::storage_persist().await,
            };
            protected.set(answer);
        });
    }

    /// Asks again when the owner taps for it (say after installing, which makes browsers
    /// likelier to agree). The answer updates Settings and is returned.
    pub async fn ask_protection(&self) -> Option<bool> {
        let answer = platform::storage_persist().await;
        self.protected.set(answer);
        answer
    }

    /// Downloads a backup file and remembers the day.
    pub fn download_backup(&self) -> Result<(), String> {
        let today = platform::today();
        let name = crate::store::backup::file_name(today);
        platform::download_text(&name, "application/json", &self.backup_text())?;
        self.note_backup(today);
        Ok(())
    }

    /// Remembers the day of a backup. Works in memory too, when storage is missing.
    pub fn note_backup(&self, day: LocalDate) {
        let mut next = self.programs.get_untracked();
        next.last_backup = Some(day);
        // Not worth a "couldn't save" banner: the backup itself is safe in the file.
        let result = self.write_programs(&next);
        self.keep_backup_bookkeeping(next, result);
    }

    /// The owner moved a rat's step by hand; kept in its history.
    pub fn add_override(&self, rat: &RatId, change: Override) -> Result<(), StoreError> {
        let mut next = self.programs.get_untracked();
        next.entry(rat).add_override(change, platform::now_ms());
        self.commit_programs(next)
    }

    /// Logs or updates a session by id, so saving twice never makes two. `stored_on` is the
    /// day an edited session was kept under (an edit may move it to another month); a
    /// session being logged is looked for in its own month only.
    pub fn save_session(
        &self,
        session: Session,
        stored_on: Option<LocalDate>,
    ) -> Result<(), StoreError> {
        let first = self.sessions.with_untracked(Vec::is_empty);
        let days: Vec<LocalDate> = std::iter::once(session.day).chain(stored_on).collect();
        let old_day = self
            .sessions
            .with_untracked(|all| crate::domain::session::stored_day(all, &session.id, &days));
        let removals: Vec<(SessionId, LocalDate)> = old_day
            .filter(|d| *d != session.day)
            .map(|d| (session.id.clone(), d))
            .into_iter()
            .collect();
        self.commit_sessions(std::slice::from_ref(&session), &removals)?;
        if first {
            self.protect_storage();
        }
        Ok(())
    }

    pub fn session(&self, id: &SessionId) -> Option<Session> {
        self.sessions
            .with(|all| all.iter().find(|s| &s.id == id).cloned())
    }

    pub fn delete_session(&self, id: &SessionId) -> Result<(), StoreError> {
        let Some(removed) = self.session(id) else {
            return Ok(());
        };
        self.commit_sessions(&[], &[(removed.id.clone(), removed.day)])?;
        self.show_toast(
            toast::SESSION_DELETED.into(),
            Some(Undo::RestoreSession {
                session: Box::new(removed),
            }),
        );
        Ok(())
    }

    pub fn start_timer(&self, rats: Vec<RatId>) -> Result<(), StoreError> {
        let timer = SessionTimer::start(platform::new_id("s"), rats, platform::now_ms());
        self.set_timer(Some(timer))
    }

    pub fn set_timer(&self, timer: Option<SessionTimer>) -> Result<(), StoreError> {
        self.report(
            self.store
                .with_value(|store| store.save_timer(timer.as_ref())),
        )?;
        self.timer.set(timer);
        Ok(())
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
        let Some(rat) = next.iter_mut().find(|r| &r.id == id) else {
            return self.report(Err(StoreError::Missing));
        };
        rat.apply(valid, platform::now_ms());
        self.commit(next)
    }

    pub fn set_archived(&self, id: &RatId, archived: bool) -> Result<(), StoreError> {
        let mut next = self.rats.get_untracked();
        let Some(rat) = next.iter_mut().find(|r| &r.id == id) else {
            return self.report(Err(StoreError::Missing));
        };
        rat.archived = archived;
        rat.updated_at = platform::now_ms();
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
            toast::rat_deleted(&rat.name),
            Some(Undo::RestoreRat { rat: Box::new(rat) }),
        );
        Ok(())
    }

    pub fn undo(&self, undo: Undo) {
        match undo {
            Undo::RestoreSession { session } => {
                if self.save_session(*session, None).is_ok() {
                    self.show_toast(toast::SESSION_BACK.into(), None);
                    return;
                }
            }
            Undo::SetArchived { rat, archived } => {
                if self.set_archived(&rat, archived).is_ok() {
                    self.toast.set(None);
                    return;
                }
            }
            Undo::RestoreRat { rat } => {
                let mut next = self.rats.get_untracked();
                if next.iter().all(|r| r.id != rat.id) {
                    let name = rat.name.clone();
                    next.push(*rat);
                    if self.commit(next).is_ok() {
                        self.show_toast(toast::rat_back(&name), None);
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
        Self::expire_toast(self.toast, id);
    }

    /// Hides the toast after a while, but never while the owner is on it (keyboard focus or
    /// pointer), so an undo can always be reached.
    fn expire_toast(toast: RwSignal<Option<Toast>>, id: u64) {
        set_timeout(
            move || {
                if toast.get_untracked().is_none_or(|t| t.id != id) {
                    return;
                }
                if platform::is_engaged(".toast") {
                    Self::expire_toast(toast, id);
                } else {
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
            let ours = key
                .as_deref()
                .is_none_or(|k| k.starts_with(crate::store::schema::PREFIX));
            // boot.js repaints a theme chosen in another tab by itself.
            if !ours || key.as_deref() == Some(DEVICE_KEY) {
                return;
            }
            // A newer version in another tab: stop writing here before anything is overwritten.
            if key
                .as_deref()
                .is_none_or(|k| k == crate::store::schema::META_KEY)
            {
                if let Some(issue) = state
                    .store
                    .try_update_value(|s| s.recheck_schema())
                    .flatten()
                {
                    state.banners.update(|b| b.push(Banner::Load(issue)));
                }
            }
            // `None` means storage was cleared: everything is read again.
            if key.as_deref() != Some(RATS_KEY_PUBLIC) {
                match key.as_deref() {
                    Some(key) => state.reload_key(key),
                    None => state.reload_history(),
                }
                if key.is_some() {
                    return;
                }
            }
            if let Ok(mut rats) = state.store.with_value(|s| s.reload_rats()) {
                sort_for_list(&mut rats);
                if rats != state.rats.get_untracked() {
                    state.rats.set(rats);
                    state.show_toast(toast::FROM_OTHER_TAB.into(), None);
                }
            }
        });
    }
}

impl AppState {
    /// Says, once, that another tab wrote something this one can't read.
    fn other_tab_unreadable(&self, why: &str) {
        let banner = Banner::Load(LoadIssue::ReadFailed(
            crate::text::store::other_window_unreadable(why),
        ));
        self.banners.update(|b| {
            if !b.contains(&banner) {
                b.push(banner);
            }
        });
    }

    /// Reads the one key another tab wrote (a month, the plans or the timer) and shows it.
    fn reload_key(&self, key: &str) {
        use crate::store::reread::Changed;
        let changed = match self.store.with_value(|s| s.reread(key)) {
            Ok(changed) => changed,
            Err(why) => {
                self.other_tab_unreadable(&why);
                return;
            }
        };
        let noticed = match changed {
            Changed::Month { month, sessions } => {
                let same_month =
                    |s: &Session| s.day.year() == month.year() && s.day.month() == month.month();
                let differs = self.sessions.with_untracked(|all| {
                    let here: Vec<&Session> = all.iter().filter(|s| same_month(s)).collect();
                    here.len() != sessions.len() || here.iter().zip(&sessions).any(|(a, b)| *a != b)
                });
                if differs {
                    let key = [(month.year(), month.month())];
                    self.update_sessions(|all| replace_months(all, &key, sessions));
                }
                differs
            }
            Changed::Programs(programs) => {
                let differs = self.programs.with_untracked(|p| *p != programs);
                if differs {
                    self.set_programs(programs);
                }
                differs
            }
            Changed::Timer(timer) => {
                if self.timer.with_untracked(|t| *t != timer) {
                    self.timer.set(timer);
                }
                false
            }
            Changed::Other => {
                self.reload_history();
                false
            }
        };
        if noticed {
            self.show_toast(toast::FROM_OTHER_TAB.into(), None);
        }
    }

    /// Reads sessions, programs and the timer again after another tab wrote them.
    fn reload_history(&self) {
        let opened = self.store.with_value(|s| s.reread_history());
        if let Err(why) = &opened {
            self.other_tab_unreadable(why);
        }
        if let Ok((sessions, programs, timer)) = opened {
            let changed = self.sessions.with_untracked(|s| *s != sessions)
                || self.programs.with_untracked(|p| *p != programs);
            if self.sessions.with_untracked(|s| *s != sessions) {
                self.set_sessions(sessions);
            }
            if self.programs.with_untracked(|p| *p != programs) {
                self.set_programs(programs);
            }
            if changed {
                self.show_toast(toast::FROM_OTHER_TAB.into(), None);
            }
            if timer != self.timer.get_untracked() {
                self.timer.set(timer);
            }
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Days since 1970 as stored in `day_number` (dates before 1970 don't occur in use).
fn day_number(day: LocalDate) -> u32 {
    u32::try_from(day.to_days()).unwrap_or(0)
}
