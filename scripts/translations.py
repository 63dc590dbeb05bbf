#!/usr/bin/env python3
"""Lists the French strings shown to users that have no English translation yet, per module.

    scripts/translations.py            prints the missing strings, grouped by translation file
    scripts/translations.py --add      adds them to each module's Translations/en.json with an empty value, to fill in
    scripts/translations.py --add --file imports.en.json   …to Translations/imports.en.json of each module instead

The extraction rules are those of tests/UnitTests/Platform/TranslationTests.cs (keep both in step).
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATTERN = re.compile(r'''(?:\b(?:L|localizer|Localizer|T)\[\s*"|(?<![-\w])(?:label|hint|option-label)="|ErrorMessage\s*=\s*"|\bFr\(\s*"|new\s+NavigationEntry\(\s*")((?:[^"\\]|\\.)*)"''')

def unescape(s):
    return s.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')

def translation_file(path):
    rel = os.path.relpath(path, ROOT).split(os.sep)
    if rel[1] == 'Modules':
        return os.path.join(ROOT, 'src', 'Modules', rel[2], 'Translations', 'en.json')
    return os.path.join(ROOT, 'src', rel[1], 'Translations', 'en.json')

def main():
    existing, files = {}, {}
    for dirpath, _, names in os.walk(os.path.join(ROOT, 'src')):
        if os.sep + 'obj' in dirpath or os.sep + 'bin' in dirpath:
            continue
        for name in names:
            path = os.path.join(dirpath, name)
            if (name == 'en.json' or name.endswith('.en.json')) and dirpath.endswith('Translations'):
                existing.update({k: v for k, v in json.load(open(path, encoding='utf-8')).items() if v})
            elif (name.endswith('.cs') or name.endswith('.cshtml')) and os.sep + 'Migrations' not in dirpath:
                for match in PATTERN.finditer(open(path, encoding='utf-8').read()):
                    text = unescape(match.group(1))
                    if text and not text.startswith('@'):
                        files.setdefault(translation_file(path), set()).add(text)
    missing = {f: sorted(t for t in texts if t not in existing) for f, texts in files.items()}
    missing = {f: t for f, t in missing.items() if t}
    if '--add' in sys.argv:
        if '--file' in sys.argv:
            name = sys.argv[sys.argv.index('--file') + 1]
            missing = {os.path.join(os.path.dirname(f), name): t for f, t in missing.items()}
        for f, texts in missing.items():
            os.makedirs(os.path.dirname(f), exist_ok=True)
            data = json.load(open(f, encoding='utf-8')) if os.path.exists(f) else {}
            for t in texts:
                data.setdefault(t, '')
            json.dump(dict(sorted(data.items())), open(f, 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
            open(f, 'a', encoding='utf-8').write('\n')
    print(json.dumps({os.path.relpath(f, ROOT): t for f, t in missing.items()}, ensure_ascii=False, indent=1))

main()
