"""The report's words in Swedish and English (the event's language picks one)."""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "sv": {"date": "Datum", "place": "Plats", "organiser": "Arrangör", "notes": "Lappar",
           "method": "Så arbetade vi", "minutes": "min", "question": "Fråga",
           "other": "Lappar utan fråga", "none": "Inga lappar ännu.",
           "in_across": "{n}, sorterade under Teman över alla frågor.",
           "more_across": "{n} till står under Teman över alla frågor.",
           "not_asked": "ställs inte längre i programmet",
           "count": "{n} lappar", "count_one": "1 lapp", "page": "Sida",
           "prepared": "Förberedda svar", "prepared_intro": "Svar som skickades in före dagen, "
                                                            "per kommun eller grupp.",
           "no_group": "Utan kommun", "appendix": "Bilaga: Alla lappar",
           "appendix_intro": "Varje lapp som inte är dold, en gång; ×N betyder att N lika "
                             "lappar kom in.", "questions": "Frågor", "featured": "Framlyft",
           "contents": "Innehåll", "evaluation": "Utvärdering", "mean": "medelvärde",
           "median": "median", "answers": "svar", "comments": "Kommentarer",
           "themes": "Teman", "all_themes": "Teman över alla frågor", "unsorted": "Ännu inte sorterade",
           "other_theme": "Övrigt (lappar som inte passar i något tema)",
           "small_talk": "Övriga kommentarer",
           "small_talk_intro": "Tack, fika och synpunkter på lokalen: inte med bland temana.",
           "summary": "Sammanfattning", "summary_intro": "{notes} om {questions}, "
                                                        "sorterade i {themes}. Tabellerna "
                                                        "visar de starkaste citaten; alla citat "
                                                        "står under varje fråga och alla lappar "
                                                        "i bilagan.",
           "col_theme": "Tema", "col_count": "Lappar", "col_quotes": "Starkaste citat",
           "in_summary": "De starkaste citaten står i sammanfattningen och upprepas inte "
                         "här; alla lappar finns i bilagan.",
           "votes": "Prioritering", "col_option": "Alternativ", "col_dots": "Prickar",
           "col_share": "Andel", "vote_line": "{phones} telefoner röstade, {dots} prickar var.",
           "scope_split": "{shared} för det gemensamma arbetet, {own} för det egna arbetet "
                          "i kommunen",
           "participants": "Deltagare", "respondents": "Svar på utvärderingen",
           "subtitle": "Sammanställning", "toc_hint": "Högerklicka och välj Uppdatera fält "
                                                      "om sidnumren saknas.",
           "encounters": "Möten mellan deltagarna",
           "enc_rounds": "{rounds} omgångar vid bord med {people} deltagare.",
           "enc_met": "Varje deltagare mötte minst {min} och i genomsnitt {mean} andra.",
           "enc_repeats": "Upprepade möten (samma två vid samma bord igen): {repeats}.",
           "enc_mixed": "{tables} % av borden blandade organisationer; {pairs} % av mötena var mellan "
                        "personer från olika organisationer.",
           "file": "Sammanställning", "notes_file": "Lappar",
           "n_questions": "{n} frågor", "n_questions_one": "1 fråga", "n_themes": "{n} teman",
           "n_themes_one": "1 tema",
           "csv_part": "Del", "csv_question": "Fråga", "csv_theme": "Tema", "csv_count": "Antal",
           "csv_other": "Övrigt", "csv_pinned": "Fäst", "csv_starred": "Framlyft",
           "csv_by": "Kommun", "csv_text": "Text", "part_theme": "Tema",
           "part_vote": "Prioritering"},
    "en": {"date": "Date", "place": "Place", "organiser": "Organiser", "notes": "Notes",
           "method": "How we worked", "minutes": "min", "question": "Question",
           "other": "Notes without a question", "none": "No notes yet.",
           "in_across": "{n}, sorted under Themes across all questions.",
           "more_across": "{n} more are under Themes across all questions.",
           "not_asked": "no longer asked in the programme",
           "count": "{n} notes", "count_one": "1 note", "page": "Page",
           "prepared": "Prepared answers", "prepared_intro": "Answers sent in before the day, "
                                                             "per municipality or group.",
           "no_group": "No municipality", "appendix": "Appendix: All notes",
           "appendix_intro": "Every note that is not hidden, once; ×N means N identical notes "
                             "came in.", "questions": "Questions", "featured": "Featured",
           "contents": "Contents", "evaluation": "Evaluation", "mean": "mean",
           "median": "median", "answers": "answers", "comments": "Comments",
           "themes": "Themes", "all_themes": "Themes across all questions", "unsorted": "Not sorted yet",
           "other_theme": "Other (notes that fit no theme)",
           "small_talk": "Other comments",
           "small_talk_intro": "Thanks, coffee and remarks about the venue: not among the themes.",
           "summary": "Summary", "summary_intro": "{notes} on {questions}, sorted "
                                                  "into {themes}. The tables show the "
                                                  "strongest quotes; every quote is under its "
                                                  "question and every note in the appendix.",
           "col_theme": "Theme", "col_count": "Notes", "col_quotes": "Strongest quotes",
           "in_summary": "The strongest quotes are in the summary and not repeated here; "
                         "every note is in the appendix.",
           "votes": "Prioritisation", "col_option": "Option", "col_dots": "Dots",
           "col_share": "Share", "vote_line": "{phones} phones voted, {dots} dots each.",
           "scope_split": "{shared} for the shared work, {own} for our own work in the "
                          "municipality",
           "participants": "Participants", "respondents": "Evaluation answers",
           "subtitle": "Summary", "toc_hint": "Right-click and choose Update Field if page "
                                              "numbers are missing.",
           "encounters": "Who met whom",
           "enc_rounds": "{rounds} rounds at tables with {people} participants.",
           "enc_met": "Each participant met at least {min} and on average {mean} others.",
           "enc_repeats": "Repeat encounters (the same two at one table again): {repeats}.",
           "enc_mixed": "{tables} % of the tables mixed organisations; {pairs} % of the encounters "
                        "were between people from different organisations.",
           "file": "Summary", "notes_file": "Notes",
           "n_questions": "{n} questions", "n_questions_one": "1 question",
           "n_themes": "{n} themes", "n_themes_one": "1 theme",
           "csv_part": "Part", "csv_question": "Question", "csv_theme": "Theme",
           "csv_count": "Count", "csv_other": "Other", "csv_pinned": "Pinned",
           "csv_starred": "Featured", "csv_by": "Municipality", "csv_text": "Text",
           "part_theme": "Theme", "part_vote": "Prioritisation"},
}


def labels_in(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["sv"])
