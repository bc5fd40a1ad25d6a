"""The pages must work on a venue network with no internet: nothing served refers outside the service."""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import service.web

PAGES = ["/kiosk", "/employer", "/dashboard", "/setup"]
STATIC_DIR = Path(service.web.__file__).parent / "static"
# An absolute or protocol-relative URL: http://x, https://x, //host.tld
EXTERNAL_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*:)?//[A-Za-z0-9][\w.-]*\.[A-Za-z]{2,}", re.IGNORECASE)
# Namespace names are identifiers, never fetched.
NAMESPACE_NAMES = ("http://www.w3.org/2000/svg",)
CSS_IMPORTS = re.compile(r"@import|url\(\s*['\"]?(?!data:)[^)'\"]*//", re.IGNORECASE)


class References(HTMLParser):
    """Every URL-valued attribute of a page."""

    URL_ATTRIBUTES = {"src", "href", "action", "srcset", "poster", "data", "formaction"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in self.URL_ATTRIBUTES and value]


def external_urls(text: str) -> list[str]:
    for name in NAMESPACE_NAMES:
        text = text.replace(name, "")
    return EXTERNAL_URL.findall(text) + CSS_IMPORTS.findall(text)


@pytest.mark.parametrize("page", PAGES)
def test_pages_refer_only_to_the_service(client, page):
    response = client.get(page)
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert external_urls(html) == []
    parser = References()
    parser.feed(html)
    assert parser.urls, "a page without its script and stylesheet?"
    for url in parser.urls:
        assert url.startswith(("/", "#", "data:")) and not url.startswith("//"), url
        if url.startswith("/"):
            with client.get(url) as served:
                assert served.status_code == 200, url
                assert external_urls(served.get_data(as_text=True)) == [], url


@pytest.mark.parametrize("name", sorted(str(path.relative_to(STATIC_DIR)) for path in STATIC_DIR.rglob("*")
                                        if path.is_file()))
def test_every_static_file_is_self_contained(client, name):
    with client.get(f"/static/web/{name}") as served:
        assert served.status_code == 200
        assert external_urls(served.get_data(as_text=True)) == []


@pytest.mark.parametrize("text", [
    '<script src="https://cdn.example.com/chart.js"></script>',
    "@import url(//fonts.googleapis.com/css?family=Noto);",
    "fetch('http://10.0.0.1.nip.io/api')",
    "background: url('https://example.org/bg.png')",
])
def test_the_check_catches_external_references(text):
    assert external_urls(text)


def test_the_check_leaves_comments_and_namespaces_alone():
    assert external_urls("// keep the token\nconst SVG_NS = \"http://www.w3.org/2000/svg\";") == []
