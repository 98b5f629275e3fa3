"""Password hashing with argon2id, and the rules a new password must meet."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200

# Verified against when the email is unknown, so that both paths cost the same time.
_DUMMY_HASH = _hasher.hash("not-a-real-password-just-timing")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False
