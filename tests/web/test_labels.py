"""Every form control on the pages has a name a screen reader can read out."""
from html.parser import HTMLParser

import pytest

PAGES = ["/kiosk", "/employer", "/dashboard", "/setup"]
CONTROLS = {"input", "select", "textarea"}


class Controls(HTMLParser):
    """Form controls with no label: not inside a <label>, no <label for>, no aria-label(ledby)."""

    def __init__(self):
        super().__init__()
        self.open_labels = 0
        self.label_for = set()
        self.controls = []  # (id or name, labelled)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.open_labels += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in CONTROLS and attrs.get("type") != "hidden":
            labelled = bool(self.open_labels or attrs.get("aria-label") or attrs.get("aria-labelledby"))
            self.controls.append((attrs.get("id"), attrs.get("name"), labelled))

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1

    def unlabelled(self):
        return [name or ident for ident, name, labelled in self.controls
                if not labelled and ident not in self.label_for]


@pytest.mark.parametrize("page", PAGES)
def test_every_form_control_has_a_label(client, page):
    parser = Controls()
    parser.feed(client.get(page).get_data(as_text=True))
    assert parser.controls
    assert parser.unlabelled() == []


class Options(HTMLParser):
    """The text of every <option>: a blank choice reads as nothing to a volunteer or a screen reader."""

    def __init__(self):
        super().__init__()
        self.texts = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "option":
            self.inside = True
            self.texts.append("")

    def handle_endtag(self, tag):
        if tag == "option":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.texts[-1] += data


@pytest.mark.parametrize("page", PAGES)
def test_every_choice_in_a_drop_down_has_words(client, page):
    parser = Options()
    parser.feed(client.get(page).get_data(as_text=True))
    assert [text for text in parser.texts if not text.strip()] == []
