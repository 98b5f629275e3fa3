"""The browse filter's person choices are built in Python (thousands of people): names are
escaped and the chosen person is selected."""

from __future__ import annotations

from app.experiments.filter_choices import person_options


def test_names_are_escaped_and_the_chosen_person_selected():
    people = [{"id": 1, "name": 'Aino <Aalto> & "Co"'}, {"id": 2, "name": "Bertta"}]
    html = str(person_options(people, 2))
    assert html == (
        '<option value="1">Aino &lt;Aalto&gt; &amp; &#34;Co&#34;</option>'
        '<option value="2" selected>Bertta</option>'
    )
    assert "selected" not in str(person_options(people, None))
