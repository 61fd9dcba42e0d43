"""Check the corpus samples: every expected line must occur, normalised, in the raw page, in order.

Usage: python check_samples.py [DIR]   (default: the folder of this script)
Also checks that expected lines are already normalised (NFC, single spaces, no
entities, no NBSP / zero-width space / BOM), are not repeated, and lists the
raw segments that the expected output leaves out, for a person to eyeball.
"""
import html, pathlib, re, sys, unicodedata

def norm(t):
    t = html.unescape(t)
    t = unicodedata.normalize('NFC', t)
    t = t.replace('\u200b', '').replace('\ufeff', '')
    return re.sub(r'\s+', ' ', t).strip()

def check(d, verbose=False):
    bad = 0
    pairs = sorted(p for p in d.glob('*.txt') if not p.name.endswith('.expected.txt'))
    for raw_p in pairs:
        exp_p = raw_p.with_name(raw_p.stem + '.expected.txt')
        if not exp_p.exists():
            print(f'{raw_p.name}: no expected file'); bad += 1; continue
        raw = raw_p.read_text(encoding='utf-8')
        exp_lines = [l for l in exp_p.read_text(encoding='utf-8').split('\n') if l != '']
        hay = ' ' + norm(raw) + ' '
        pos, errs = 0, []
        for i, line in enumerate(exp_lines, 1):
            if line != norm(line):
                errs.append(f'line {i} not normalised: {line[:60]!r}')
            if re.search(r'&(#\d+|#x[0-9a-f]+|[a-z]+);', line, re.I):
                errs.append(f'line {i} has an HTML entity')
            k = hay.find(' ' + norm(line) + ' ', pos)
            if k < 0:
                errs.append(f'line {i} not found in order: {line[:60]!r}')
            else:
                pos = k + len(norm(line)) + 1
        dups = {l for l in exp_lines if exp_lines.count(l) > 1}
        if dups:
            errs.append(f'repeated expected lines: {sorted(dups)}')
        for ch, nm in (('\u200c', 'ZWNJ'), ('\u200d', 'ZWJ')):
            if raw.count(ch) != sum(l.count(ch) for l in exp_lines):
                errs.append(f'{nm} count differs between raw and expected')
        rw, ew = len(norm(raw).split()), sum(len(l.split()) for l in exp_lines)
        status = 'OK ' if not errs else 'BAD'
        print(f'{status} {raw_p.name}: {len(exp_lines)} expected lines, {ew}/{rw} words kept')
        for e in errs:
            print('    ', e)
        bad += bool(errs)
        if verbose:
            expset = set(exp_lines)
            for seg in re.split(r'\n| {3,}', raw):
                s = norm(seg)
                if s and s not in expset and not any(s in l for l in exp_lines):
                    print('      dropped:', s[:110])
    return bad

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a != '-v']
    d = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parent
    sys.exit(1 if check(d, '-v' in sys.argv) else 0)
