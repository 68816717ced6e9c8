from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

from gongkai.data_dir import prepare

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
prepare()  # the data folder and the secret key, before the settings read them
application = get_wsgi_application()
