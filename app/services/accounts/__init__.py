"""Accounts: creation, editing, passwords and their policy, one-time reset codes, sign-in throttling.

The public names are re-exported here, so `from app.services.accounts import create_user` keeps working.
"""
from app.services.accounts.accounts import (  # noqa: F401 (re-exported)
    LOCKED,
    WRONG_CREDENTIALS,
    AccountError,
    SignInResult,
    authenticate,
    change_password,
    create_user,
    end_sessions,
    find_user,
)
from app.services.accounts.editing import groups_by_label, set_groups, update_account  # noqa: F401,E402
from app.services.accounts.reset_codes import issue_code, redeem_code  # noqa: F401,E402
