"""Every sentence a ``UserError`` may carry, for the translators: ``pyside6-lupdate`` reads these
(context ``UserError``) into ``trainer_zh_CN.ts``, and ``errors.plain_message`` looks a raised
error's template (and each of its text fields) up in that context.

tests/gui/test_language.py finds every literal template passed to a ``UserError`` in ``trainer/``
(and every ``what`` passed to ``Identity.require``) and fails, naming it, when one is missing here
or has no Chinese translation. Templates built with f-strings are already filled in, so they cannot
be translated (see that test for the ones left).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEMPLATES = (
    # signing in, accounts
    QT_TRANSLATE_NOOP("UserError", "That name and password do not match."),
    QT_TRANSLATE_NOOP("UserError", "Too many wrong attempts: try again after {minutes} minutes."),
    QT_TRANSLATE_NOOP("UserError", "The first administrator already exists; sign in instead."),
    QT_TRANSLATE_NOOP("UserError", "a trainee's PIN or password needs at least {n} characters"),
    QT_TRANSLATE_NOOP("UserError", "a trainer's or HR administrator's password needs at least {n} characters"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "that password is too easy to guess (one character repeated, or a run of digits); choose another"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "this database has accounts: a trainee is added as an account"),
    QT_TRANSLATE_NOOP("UserError", "{name} needs a new password of at least {n} characters for this role: type one in the password field"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "unknown role '{role}'"),
    QT_TRANSLATE_NOOP("UserError", "there is no account called '{name}'"),
    QT_TRANSLATE_NOOP("UserError", "this is the last HR administrator; make someone else one first"),
    QT_TRANSLATE_NOOP("UserError", "an account needs a name"),
    QT_TRANSLATE_NOOP("UserError", "an account called '{name}' already exists"),
    QT_TRANSLATE_NOOP("UserError", "the account {name} no longer exists"),
    QT_TRANSLATE_NOOP("UserError", "a trainee needs a name"),
    QT_TRANSLATE_NOOP("UserError", "there is no trainee called '{name}'"),
    QT_TRANSLATE_NOOP("UserError", "there is no trainee {id}"),
    QT_TRANSLATE_NOOP("UserError", "sign in first: this database has accounts"),
    QT_TRANSLATE_NOOP("UserError", "The account {name} is disabled; ask your HR administrator."),
    QT_TRANSLATE_NOOP("UserError", "you cannot disable the account you are signed in with"),
    QT_TRANSLATE_NOOP("UserError", "{name} is an account of the central server: HR changes it on HR's PC, and this PC takes the change at its next sync"),  # noqa: E501 - one message, as lupdate reads it
    # rights
    QT_TRANSLATE_NOOP("UserError", "{user} ({role}) may not {what}."),
    QT_TRANSLATE_NOOP("UserError", "{name} may only see their own sessions."),
    QT_TRANSLATE_NOOP("UserError", "{name} may not override scores of their own sessions."),
    QT_TRANSLATE_NOOP("UserError", "{name} may only read their own coaching notes."),
    # reviews
    QT_TRANSLATE_NOOP("UserError", "there is no session {id}"),
    QT_TRANSLATE_NOOP("UserError", "dimension must be empathy, clarity or solution (got '{got}')"),
    QT_TRANSLATE_NOOP("UserError", "a score must be between 0 and 100 (got {got})"),
    QT_TRANSLATE_NOOP("UserError", "an override needs a comment saying why"),
    QT_TRANSLATE_NOOP("UserError", "a coaching note cannot be empty"),
    # practising
    QT_TRANSLATE_NOOP("UserError", "there is no scenario with id '{id}'"),
    QT_TRANSLATE_NOOP("UserError", "the reply is empty"),
    QT_TRANSLATE_NOOP("UserError", "nothing was heard"),
    # scenarios and packs
    QT_TRANSLATE_NOOP("UserError", "'{id}' is a bundled scenario and cannot be changed; duplicate it and "
                                   "save it under a new id"),
    QT_TRANSLATE_NOOP("UserError", "the pack would replace bundled scenarios ({ids}); give them new ids"),
    QT_TRANSLATE_NOOP("UserError", "'{id}' was published by the centre and cannot be changed on this PC; duplicate it and save it under a new id"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the pack would replace scenarios the centre published ({ids}); give them new ids"),  # noqa: E501 - one message, as lupdate reads it
    # exports, storage, speech models
    QT_TRANSLATE_NOOP("UserError", "unknown export format '{got}'"),
    QT_TRANSLATE_NOOP("UserError", "language must be one of {choices} (got '{got}')"),
    QT_TRANSLATE_NOOP("UserError", "Cannot write to the database: {reason}."),
    QT_TRANSLATE_NOOP("UserError", "The download was cancelled; it can be resumed."),
    # storage, exports, speech models
    QT_TRANSLATE_NOOP("UserError", "A {language} model called {name} is already installed."),
    QT_TRANSLATE_NOOP("UserError", "Cannot open the database {path}: {reason}."),
    QT_TRANSLATE_NOOP("UserError", "Cannot use the database {path}: {reason}."),
    QT_TRANSLATE_NOOP("UserError", "The database file {path} is damaged; restore it from a backup."),
    QT_TRANSLATE_NOOP("UserError", "The database file {path} is damaged or is not a database; restore it from a backup."),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "The database {path} was written by a newer version of this program (schema {version}, this version knows up to {known}); please update the program."),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "The download failed: the server answered {code} {reason}."),
    QT_TRANSLATE_NOOP("UserError", "The download is incomplete ({size} of {total} bytes); try again to resume it."),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "The download stopped ({reason}); try again to resume it."),
    QT_TRANSLATE_NOOP("UserError", "There is no {language} model called {name}."),
    QT_TRANSLATE_NOOP("UserError", "cannot write {path}: nobody practised in this period, so there is no scorecard to print."),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "cannot write {path}: the folder {folder} does not exist."),
    QT_TRANSLATE_NOOP("UserError", "cannot write {path}: {reason}."),
    QT_TRANSLATE_NOOP("UserError", "cannot write {path}: {trainee} has no practice from {start} to {end}, so there is no scorecard."),  # noqa: E501 - one message, as lupdate reads it
    # xAPI: where the statements say they come from (trainer/domain/xapi.py, library/xapi_settings.py)
    QT_TRANSLATE_NOOP("UserError", "No xAPI home page is set: give your organisation's web address with --home-page, or in the Reports view's xAPI export."),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the xAPI home page must be a web address starting with https:// (got {got})"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the xAPI platform needs a name"),
    QT_TRANSLATE_NOOP("UserError", "the xAPI platform's name is longer than {most} characters"),
    QT_TRANSLATE_NOOP("UserError", "cannot save the xAPI settings to {path}: {reason}."),
    QT_TRANSLATE_NOOP("UserError", "{name} could not be unpacked: {reason}."),
    QT_TRANSLATE_NOOP("UserError", "{name} is damaged ({member} fails its checksum)."),
    QT_TRANSLATE_NOOP("UserError", "{name} is not a zip file."),
    QT_TRANSLATE_NOOP("UserError", "{path} does not exist."),
    QT_TRANSLATE_NOOP("UserError", "{path} is not a Vosk speech model (it has no 'am' and 'conf' folders)."),
    # zips and folders taken in (trainer/safe_archive.py): speech models and scenario packs
    QT_TRANSLATE_NOOP("UserError", "{name} holds {count} files and folders, more than the {limit} allowed."),
    QT_TRANSLATE_NOOP("UserError", "{name} holds {size} of files, more than the {limit} allowed."),
    QT_TRANSLATE_NOOP("UserError", "{member} in {name} is {size}, more than the {limit} allowed for one "
                                   "file."),
    QT_TRANSLATE_NOOP("UserError", "{member} in {name} is compressed {ratio} to 1, more than the {limit} to "
                                   "1 allowed for a large file."),
    QT_TRANSLATE_NOOP("UserError", "{member} in {name} is not a plain relative path (it is absolute, or has "
                                   "a drive letter, a colon, a backslash or '..')."),
    QT_TRANSLATE_NOOP("UserError", "{member} in {name} is a symbolic link or a special file; only plain "
                                   "files and folders are taken."),
    QT_TRANSLATE_NOOP("UserError", "{member} in {name} turned out larger than it said it was; nothing was "
                                   "kept."),
    QT_TRANSLATE_NOOP("UserError", "{member} in {name} is encrypted or packed in a way this program cannot "
                                   "unpack."),
    # the speech model catalogue and downloads (trainer/speech/catalogue.py, download.py)
    QT_TRANSLATE_NOOP("UserError", "{path} is not a speech model catalogue (JSON): {reason}."),
    QT_TRANSLATE_NOOP("UserError", "{path}: the {language} entry needs a url that starts with https:// or "
                                   "http://."),
    QT_TRANSLATE_NOOP("UserError", "{path}: the {language} entry's sha256 must be 64 hexadecimal digits."),
    QT_TRANSLATE_NOOP("UserError", "{path}: the {language} entry's size must be a whole number of bytes."),
    QT_TRANSLATE_NOOP("UserError", "{path}: the {language} entry has a field {field} this program does not "
                                   "know (url, size, sha256)."),
    QT_TRANSLATE_NOOP("UserError", "The server sent nothing for {seconds} s; the download stopped, try "
                                   "again to resume it."),
    QT_TRANSLATE_NOOP("UserError", "The download of {url} was redirected to another host ({host}), which is "
                                   "refused."),
    QT_TRANSLATE_NOOP("UserError", "The download of {url} was redirected from https to http, which is "
                                   "refused."),
    QT_TRANSLATE_NOOP("UserError", "{name} is larger than the {limit} bytes expected; the download was "
                                   "stopped and deleted."),
    QT_TRANSLATE_NOOP("UserError", "{name} is {size} bytes on the server, not the {expected} bytes the "
                                   "catalogue gives; the download was deleted."),
    QT_TRANSLATE_NOOP("UserError", "The server sent {name} from byte {start} when asked for byte {have}; "
                                   "the partial download was deleted, try again."),
    QT_TRANSLATE_NOOP("UserError", "{name} does not match the SHA-256 {expected}; the download was deleted."),
    # the central server (sync)
    QT_TRANSLATE_NOOP("UserError", "the server address is not a valid connection string: {reason}"),
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} refused the login and password of this PC"),
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} has no such database"),
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} cannot be reached now ({reason}); practice goes on, and the next sync catches up"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} is not set up for this program (run trainer server init there)"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} was set up by a newer version of this program (schema {version}; this one knows {known}): update this program"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} has an older schema ({version}) than this program ({known}): its administrator must run trainer server init to upgrade it"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} does not know this login as a branch's"),
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} does not know this login as branch {branch} (it is branch {known})"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "no central server is configured (run trainer sync setup)"),
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} does not know this login as branch {branch}: nothing was sent"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} does not let this PC's login do that ({reason}); nothing was written"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "publishing needs this PC to sync with an HR login (trainer sync setup with the connection string of an HR login)"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "the central server at {where} does not know this PC's login as HR's: nothing was published"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "a login is for a branch, a coach or hr (got {kind})"),
    QT_TRANSLATE_NOOP("UserError", "{name} is not a usable name: lowercase letters, digits and _, starting with a letter"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "{path} cannot be read as the sync settings: {reason}"),
    QT_TRANSLATE_NOOP("UserError", "{path} must hold a 'dsn' and a 'branch' (run trainer sync setup again)"),
    # assignments
    QT_TRANSLATE_NOOP("UserError", "there is no situation called '{situation}' in the library"),
    QT_TRANSLATE_NOOP("UserError", "assign to one trainee or to one team"),
    QT_TRANSLATE_NOOP("UserError", "the due date {due} is already past"),
    QT_TRANSLATE_NOOP("UserError", "the pass mark must be between 0 and 100 (got {value})"),
    QT_TRANSLATE_NOOP("UserError", "there is no team called '{team}'"),
    QT_TRANSLATE_NOOP("UserError", "there is no assignment {id}"),
    # the central record on HR's and trainers' PCs (trainer/app/central_access.py, progress.py)
    QT_TRANSLATE_NOOP("UserError", "this PC keeps no copy of the central record: it does not sync with an HR or trainer login"),  # noqa: E501 - one message, as lupdate reads it
    QT_TRANSLATE_NOOP("UserError", "{name} may only see the trainees of the teams they coach."),
    QT_TRANSLATE_NOOP("UserError", "there is no trainee {id} in the central record"),
    QT_TRANSLATE_NOOP("UserError", "there is no trainee called '{name}' in the central record"),
    QT_TRANSLATE_NOOP("UserError", "there is no session {id} in the central record"),
    QT_TRANSLATE_NOOP("UserError", "this PC reads its own database, which has teams, not branches or regions (those are the central record's)"),  # noqa: E501 - one message, as lupdate reads it
)

#: What an account may not do (the ``what`` of ``Identity.require``), filled into the sentence above.
WHATS = (
    QT_TRANSLATE_NOOP("UserError", "practise as another trainee"),
    QT_TRANSLATE_NOOP("UserError", "test-play a scenario"),
    QT_TRANSLATE_NOOP("UserError", "choose whether another trainee's replies are recorded"),
    QT_TRANSLATE_NOOP("UserError", "choose how another trainee is shown"),
    QT_TRANSLATE_NOOP("UserError", "create accounts"),
    QT_TRANSLATE_NOOP("UserError", "change roles"),
    QT_TRANSLATE_NOOP("UserError", "list accounts"),
    QT_TRANSLATE_NOOP("UserError", "reset passwords"),
    QT_TRANSLATE_NOOP("UserError", "disable accounts"),
    QT_TRANSLATE_NOOP("UserError", "list the trainees"),
    QT_TRANSLATE_NOOP("UserError", "read the audit log"),
    QT_TRANSLATE_NOOP("UserError", "override scores"),
    QT_TRANSLATE_NOOP("UserError", "write coaching notes"),
    QT_TRANSLATE_NOOP("UserError", "see another trainee's progress"),
    QT_TRANSLATE_NOOP("UserError", "open the coaching view"),
    QT_TRANSLATE_NOOP("UserError", "edit scenarios"),
    QT_TRANSLATE_NOOP("UserError", "import scenario packs"),
    QT_TRANSLATE_NOOP("UserError", "export scenario packs"),
    QT_TRANSLATE_NOOP("UserError", "see reports"),
    QT_TRANSLATE_NOOP("UserError", "export scorecards"),
    QT_TRANSLATE_NOOP("UserError", "set up the central server"),
    QT_TRANSLATE_NOOP("UserError", "add a login to the central server"),
    QT_TRANSLATE_NOOP("UserError", "re-score the central record"),
    QT_TRANSLATE_NOOP("UserError", "publish to the central server"),
    QT_TRANSLATE_NOOP("UserError", "assign practice"),
    QT_TRANSLATE_NOOP("UserError", "read the central record"),
)

#: Roles as AccessDenied names them (its ``role`` field).
ROLES = (
    QT_TRANSLATE_NOOP("UserError", "trainee"),
    QT_TRANSLATE_NOOP("UserError", "trainer"),
    QT_TRANSLATE_NOOP("UserError", "hr_admin"),
)

#: Why the database refused (``storage.errors.plain_reason``): fields of the storage errors.
REASONS = (
    QT_TRANSLATE_NOOP("UserError", "it is locked by another program (close it and try again)"),
    QT_TRANSLATE_NOOP("UserError", "the file is damaged or is not a database"),
    # why a speech model catalogue cannot be used (its ``reason``)
    QT_TRANSLATE_NOOP("UserError", "it must be an object with one entry per language"),
)
