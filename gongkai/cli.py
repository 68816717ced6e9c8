"""The `gongkai` console script: the project's manage command."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from gongkai.data_dir import prepare

    prepare()  # the data folder and the secret key, before the settings read them
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
