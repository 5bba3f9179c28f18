"""Exercise keys, one module per lesson. Importing this package registers them all."""

from . import lesson00, lesson01, lesson02, lesson03, lesson04, lesson05  # noqa: F401
