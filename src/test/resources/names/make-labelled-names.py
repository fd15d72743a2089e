#!/usr/bin/env python3
"""Builds labelled-names.csv: realistic Kazakh and Russian names of invented people, each written in the forms found
in real records (Kazakh Cyrillic, Russian Cyrillic, passport ICAO 9303 Latin, press Latin, the 2021 Kazakh Latin
alphabet, surname with initials, surname first, one typo), and pairs of forms of the same person and of different
people with similar names (brothers, father and son, husband and wife, namesakes). Run it again only to change the
set: the CSV is the labelled set the tests read.  python3 make-labelled-names.py > labelled-names.csv"""
import random

R = random.Random(20261122)

# Russian spellings of Kazakh given names and stems where the letter mapping alone is not what people write.
RU_OVERRIDE = {"Әсел": "Асель", "Сәуле": "Сауле", "Гүлнар": "Гульнар", "Айгүл": "Айгуль", "Мәдина": "Мадина",
               "Ғалым": "Галым", "Әлия": "Алия", "Гүлжан": "Гульжан", "Күлпаш": "Кульпаш", "Бибігүл": "Бибигуль",
               "Жұмабек": "Жумабек", "Тұрсын": "Турсун", "Мұхтар": "Мухтар", "Ділназ": "Дильназ",
               "Әділет": "Адилет", "Нұрсұлтан": "Нурсултан", "Еркегүл": "Еркегуль", "Айгерім": "Айгерим",
               "Ләззат": "Ляззат", "Сәбит": "Сабит", "Әйгерім": "Айгерим", "Шынар": "Шынар", "Ақмарал": "Акмарал"}
RU_LETTERS = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
              "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"}

# ICAO 9303 (Kazakh and Russian passports since 2013) and the common press spelling.
ICAO = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia"}
PRESS = dict(ICAO, **{"й": "y", "ю": "yu", "я": "ya", "ъ": "", "ё": "yo"})
# The Kazakh Latin alphabet of 2021.
KZ2021 = dict(ICAO, **{"ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "һ": "h", "і": "ı",
                       "ы": "y", "ж": "j", "ш": "ş", "ч": "ç", "х": "h", "й": "i", "ю": "iu", "я": "ia", "щ": "şş"})


def translit(text, table, initial_ye=False):
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low in table:
            t = table[low]
            if initial_ye and low == "е" and (i == 0 or not text[i - 1].isalpha()):
                t = "ye"
            if initial_ye and low == "е" and i > 0 and text[i - 1].lower() in "аәеиоөуұүыэюяь":
                t = "ye"
            out.append(t.capitalize() if ch.isupper() and t else t)
        else:
            out.append(ch)
    return "".join(out)


def russian(word):
    if word in RU_OVERRIDE:
        return RU_OVERRIDE[word]
    return "".join(RU_LETTERS.get(c, c) for c in word)


def patronymic_ru(father, female):
    f = russian(father)
    if f == "Дмитрий":
        return "Дмитриевна" if female else "Дмитриевич"
    if f.endswith("ий"):
        return f[:-2] + ("ьевна" if female else "ьевич")
    if f.endswith("й"):
        return f[:-1] + ("евна" if female else "евич")
    if f.endswith("ь"):
        return f[:-1] + ("евна" if female else "евич")
    return f + ("овна" if female else "ович")


def patronymic_kk(father, female):
    return father + ("қызы" if female else "ұлы")


def surname(stem, female, russian_form=False):
    s = russian(stem) if russian_form else stem
    if s.endswith(("ов", "ев", "ин")):
        base = s
    elif s[-1] in "аәеиоөуұүыэюяі":
        base = s + "ев"
    elif s.endswith("й"):
        base = s[:-1] + "ев"
    else:
        base = s + "ов"
    return base + ("а" if female else "")


def typo(word):
    i = R.randrange(1, len(word) - 1)
    kind = R.choice(["drop", "double", "swap", "vowel"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    vowels = "aeiouy" if word.isascii() else "аеиоуы"
    j = next((k for k in range(i, len(word)) if word[k].lower() in vowels), None)
    if j is None:
        return word[:i] + word[i + 1:]
    return word[:j] + R.choice([v for v in vowels if v != word[j].lower()]) + word[j + 1:]


class Person:
    def __init__(self, key, given, father, stem, female, kazakh=True):
        self.key, self.given, self.father, self.stem, self.female, self.kazakh = key, given, father, stem, female, kazakh

    def forms(self):
        g, f, s, w = self.given, self.father, self.stem, self.female
        ru_g = russian(g)
        ru_s = surname(s, w, True)
        ru_p = patronymic_ru(f, w)
        kk_s = surname(s, w)
        forms = {}
        if self.kazakh:
            forms["kazakh cyrillic"] = f"{g} {patronymic_kk(f, w)} {kk_s}"
            forms["kazakh cyrillic, no patronymic"] = f"{kk_s} {g}"
            forms["2021 kazakh latin"] = translit(f"{g} {kk_s}", KZ2021).replace("Ş", "Ş")
            forms["press latin, patronymic -uly/-kyzy"] = translit(f"{g} {patronymic_kk(f, w)} {kk_s}", PRESS, True)
            forms["stem only surname (no -ov)"] = f"{g} {s}"
        forms["russian cyrillic, surname first"] = f"{ru_s} {ru_g} {ru_p}"
        forms["russian cyrillic, initials"] = f"{ru_s} {ru_g[0]}.{ru_p[0]}."
        forms["passport icao 9303"] = translit(f"{ru_s} {ru_g}", ICAO).upper()
        forms["press latin"] = translit(f"{ru_g} {ru_s}", PRESS, True)
        forms["latin, initial first"] = translit(f"{ru_g[0]}. {ru_s}", PRESS, True)
        forms["typo"] = f"{typo(ru_g)} {ru_s}" if R.random() < 0.5 else f"{ru_g} {typo(ru_s)}"
        forms["latin typo"] = translit(f"{ru_g} {typo(ru_s)}", PRESS, True)
        return forms


KZ_MALE = ["Ержан", "Нұрлан", "Серік", "Бауыржан", "Асқар", "Дәурен", "Қайрат", "Мұрат", "Ерлан", "Тимур", "Арман",
           "Ғалым", "Жұмабек", "Мұхтар", "Бекзат", "Дархан", "Ерболат", "Нұрсұлтан", "Әділет", "Сәбит", "Азамат",
           "Болат", "Талғат", "Руслан", "Жандос", "Айдос", "Нұржан", "Ербол", "Мақсат", "Данияр"]
KZ_FEMALE = ["Айгүл", "Әсел", "Дина", "Гүлнар", "Жанар", "Мәдина", "Айжан", "Сәуле", "Әлия", "Гүлжан", "Ділназ",
             "Айгерім", "Ләззат", "Шынар", "Ақмарал", "Еркегүл", "Бибігүл", "Назгүл", "Күлпаш", "Аружан"]
KZ_STEMS = ["Ахмет", "Сәрсенбай", "Оспан", "Нұрпейіс", "Жақып", "Бекмұхамбет", "Кенжебай", "Тоқтар", "Смағұл",
            "Тұрсын", "Қасым", "Әбдірахман", "Жұмағали", "Серікбай", "Байтұрсын", "Есенжол", "Құдайберген",
            "Мұхамеджан", "Ыбырай", "Төлеген", "Шәріп", "Омар", "Рахым", "Қожахмет", "Исабек", "Әлімжан"]
RU_MALE = ["Дмитрий", "Сергей", "Алексей", "Андрей", "Юрий", "Николай", "Евгений", "Василий", "Игорь", "Виктор"]
RU_FEMALE = ["Ольга", "Наталья", "Елена", "Юлия", "Татьяна", "Ирина", "Светлана", "Мария"]
RU_STEMS = ["Ковалёв", "Соловьёв", "Кузнецов", "Васильев", "Щукин", "Журавлёв", "Яковлев", "Хабаров", "Черных",
            "Захарченко"]


def ru_surname(stem, female):
    if stem.endswith(("ов", "ёв", "ев", "ин")):
        return stem + ("а" if female else "")
    return stem  # -ко, -ых do not change


families = []
people = []
n = 0
for i, stem in enumerate(KZ_STEMS):
    father_of_father = R.choice(KZ_MALE)
    father = Person(f"p{n:03d}", R.choice(KZ_MALE), father_of_father, stem, False); n += 1
    son_name = R.choice([m for m in KZ_MALE if m != father.given])
    son = Person(f"p{n:03d}", son_name, father.given, stem, False); n += 1
    brother_name = R.choice([m for m in KZ_MALE if m not in (father.given, son_name)])
    brother = Person(f"p{n:03d}", brother_name, father.given, stem, False); n += 1
    daughter = Person(f"p{n:03d}", R.choice(KZ_FEMALE), father.given, stem, True); n += 1
    families.append([father, son, brother, daughter])

for i, stem in enumerate(RU_STEMS):
    father = Person(f"p{n:03d}", R.choice(RU_MALE), R.choice(RU_MALE), stem, False, kazakh=False); n += 1
    son = Person(f"p{n:03d}", R.choice([m for m in RU_MALE if m != father.given]), father.given, stem, False, kazakh=False); n += 1
    wife = Person(f"p{n:03d}", R.choice(RU_FEMALE), R.choice(RU_MALE), stem, True, kazakh=False); n += 1
    families.append([father, son, wife])


def ru_forms(p):
    """Russian people: surname forms of their own (-ко, -ых, ё)."""
    g, f, w = p.given, p.father, p.female
    s = ru_surname(p.stem, w)
    pat = patronymic_ru(f, w)
    return {
        "russian cyrillic": f"{g} {pat} {s}",
        "russian cyrillic, surname first, ё as е": f"{s.replace('ё', 'е')} {g} {pat}",
        "russian cyrillic, initials": f"{s} {g[0]}.{pat[0]}.",
        "passport icao 9303": translit(f"{s} {g}", ICAO).upper(),
        "press latin": translit(f"{g} {s}", PRESS, True),
        "latin, initial first": translit(f"{g[0]}. {s}", PRESS, True),
        "typo": f"{g} {typo(s)}",
        "latin typo": translit(f"{typo(g)} {s}", PRESS, True),
    }


rows = []
chosen = {}
for family in families:
    for p in family:
        forms = p.forms() if p.kazakh else ru_forms(p)
        # Four forms per person; the first is how the person was first recorded.
        first_kinds = [k for k in forms if "initial" not in k and "typo" not in k]
        first = R.choice(first_kinds)
        others = R.sample([k for k in forms if k != first and forms[k] != forms[first]], 3)
        chosen[p.key] = [(first, forms[first])] + [(k, forms[k]) for k in others]

seen = set()
for family in families:
    for p in family:
        (k0, f0), *rest = chosen[p.key]
        for k, f in rest:
            rows.append(("same", p.key, f0, p.key, f, f"{k0} / {k}"))

RELATION = {(0, 1): "father and son", (0, 2): "father and son", (1, 2): "brothers", (0, 3): "father and daughter",
            (1, 3): "brother and sister", (2, 3): "brother and sister"}
RU_RELATION = {(0, 1): "father and son", (0, 2): "husband and wife (-ov/-ova)", (1, 2): "mother and son"}
different = []
for family in families:
    kazakh = len(family) == 4
    for a in range(len(family)):
        for b in range(a + 1, len(family)):
            pa, pb = family[a], family[b]
            relation = (RELATION if kazakh else RU_RELATION).get((a, b), "relatives")
            # The closest forms: the same kind of form for both, e.g. both Russian with initials.
            for _ in range(2):
                ka, fa = R.choice(chosen[pa.key])
                kb, fb = min(chosen[pb.key], key=lambda kf: 0 if kf[0] == ka else 1 + R.random())
                if fa != fb:
                    different.append(("different", pa.key, fa, pb.key, fb, relation))

# Namesakes across families: the same given name and a similar surname.
pairs_across = 0
all_people = [p for family in families for p in family]
for pa in all_people:
    for pb in all_people:
        if pa.key < pb.key and pa.given == pb.given and pa.stem != pb.stem and pa.female == pb.female and pairs_across < 40:
            fa = chosen[pa.key][0][1]
            fb = chosen[pb.key][0][1]
            different.append(("different", pa.key, fa, pb.key, fb, "namesakes: same given name, other family"))
            pairs_across += 1

uniq = []
seen_pairs = set()
for row in rows + different:
    key = (row[2], row[4])
    if key in seen_pairs or row[2] == row[4]:
        continue
    seen_pairs.add(key)
    uniq.append(row)

# A form written the same for two people cannot tell them apart: leave such forms out of the set altogether.
owner = {}
clash = set()
for row in uniq:
    for person, form in ((row[1], row[2]), (row[3], row[4])):
        if owner.setdefault(form, person) != person:
            clash.add(form)
uniq = [r for r in uniq if r[2] not in clash and r[4] not in clash]

print("label,first_person,first_name,second_person,second_name,relation")
for row in uniq:
    print(",".join('"' + c.replace('"', '""') + '"' if "," in c or '"' in c else c for c in row))
