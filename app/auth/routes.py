"""Sign-in and sign-out views: thin, the work is in services.accounts."""
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required, login_user, logout_user

from app.auth import bp
from app.rate_limits import sign_in_limits
from app.services.accounts import AccountError, authenticate, end_sessions, redeem_code


def _safe_next(target: str | None) -> str:
    """Only follow same-site relative redirects after sign-in."""
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("home")


@bp.route("/login", methods=["GET", "POST"])
@sign_in_limits
def login():
    """Show the sign-in form, and sign in."""
    if current_user.is_authenticated:
        return redirect(url_for("home"))
    if request.method == "POST":
        result = authenticate(
            request.form.get("username", ""),
            request.form.get("password", ""),
            request.remote_addr or "unknown",
            current_app.config["LOGIN_MAX_FAILURES"],
            current_app.config["LOGIN_LOCKOUT_SECONDS"],
        )
        if result.user is not None:
            login_user(result.user)
            return redirect(_safe_next(request.args.get("next")))
        flash(result.error, "error")
        # The username stays in the form so only the password needs typing again.
        return (render_template("auth/login.html", username=request.form.get("username", "")[:80]),
                429 if result.locked else 401)
    return render_template("auth/login.html", username="")


@bp.post("/logout")
@login_required
def logout():
    """Sign out (POST, so a link elsewhere cannot sign someone out); every copy of the cookie stops working."""
    end_sessions(current_user._get_current_object())
    logout_user()
    flash(gettext("You are signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/reset", methods=["GET", "POST"])
@sign_in_limits
def reset_password():
    """Set a new password with the one-time code an administrator gave (no e-mail involved)."""
    username = request.form.get("username", "")[:80]
    if request.method == "POST":
        try:
            redeem_code(username, request.form.get("code", "")[:40], request.form.get("password", ""))
        except AccountError as exc:
            flash(str(exc), "error")
            return render_template("auth/reset.html", username=username), 400
        flash(gettext("Your password is changed. Sign in with it."), "success")
        return redirect(url_for("auth.login")), 303
    return render_template("auth/reset.html", username=username)
