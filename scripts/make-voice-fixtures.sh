#!/usr/bin/env bash
# Builds the spoken-answer fixtures in test/fixtures/voice/ from espeak-ng, with pauses whose
# onsets and lengths are known exactly: each phrase is synthesised alone, its leading and
# trailing silence trimmed by sox, and the phrases are joined with silences of set lengths.
# truth.json records, per file, the nominal rate, the words, the speech time and every pause.
# Needs the Debian packages espeak-ng and sox. The fixtures are committed; run this only to
# change them.
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/voice"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The phrases of one answer, and the silence (ms) after each but the last.
phrases=(
  "When our checkout slowed down I measured before I changed anything"
  "The traces showed one query scanning the whole orders table"
  "I added an index on the customer and the date and the page became fast again"
  "Then I wrote a test so that nobody removes it by accident"
)
silences=(700 1200 900)

echo '{' > truth.json
first=1
# espeak-ng's -s is nominal (it speaks these phrases about a fifth faster), so each file is made
# twice: once at the target, then at the speed that corrects the measured rate towards it.
synthesise() { # speed → the trimmed phrases p*.wav and the speech time on stdout
  local speech=0
  for i in "${!phrases[@]}"; do
    espeak-ng -v en-us -s "$1" -w "$work/raw$i.wav" "${phrases[$i]}"
    # Trim silence at both ends, at 16 kHz mono 16-bit (what a recorder sends, and small).
    sox "$work/raw$i.wav" -r 16000 -c 1 -b 16 "$work/p$i.wav" silence 1 0.005 0.5% reverse silence 1 0.005 0.5% reverse
    speech=$(echo "$speech + $(soxi -D "$work/p$i.wav")" | bc -l)
  done
  echo "$speech"
}
words=$(printf '%s ' "${phrases[@]}" | wc -w)

for rate in 120 160 200; do
  measured=$(synthesise "$rate")
  speed=$(printf '%.0f' "$(echo "$rate * $rate / ($words * 60 / $measured)" | bc -l)")
  synthesise "$speed" > /dev/null
  parts=()
  onsets=()
  speech=0
  t=0
  for i in "${!phrases[@]}"; do
    d=$(soxi -D "$work/p$i.wav")
    speech=$(echo "$speech + $d" | bc -l)
    t=$(echo "$t + $d" | bc -l)
    parts+=("$work/p$i.wav")
    if (( i < ${#silences[@]} )); then
      ms=${silences[$i]}
      sox -n -r 16000 -c 1 -b 16 "$work/s$i.wav" trim 0 "$(echo "$ms / 1000" | bc -l)"
      parts+=("$work/s$i.wav")
      onsets+=("{\"startSeconds\": $(printf '%.3f' "$t"), \"seconds\": $(printf '%.3f' "$(echo "$ms / 1000" | bc -l)")}")
      t=$(echo "$t + $ms / 1000" | bc -l)
    fi
  done
  # Half a second of silence before and after, as a recorder started early and stopped late.
  sox -n -r 16000 -c 1 -b 16 "$work/edge.wav" trim 0 0.5
  sox "$work/edge.wav" "${parts[@]}" "$work/edge.wav" "espeak-$rate-wpm.wav"
  pauses=$(IFS=,; echo "${onsets[*]}")
  [[ $first == 1 ]] || echo ',' >> truth.json
  first=0
  # Onsets in truth.json count from the first word (the file starts with 0.5 s of silence).
  printf '"espeak-%s-wpm.wav": {"targetWordsPerMinute": %s, "espeakSpeed": %s, "leadSeconds": 0.5, "words": %s, "speechSeconds": %.3f, "pauses": [%s]}\n' \
    "$rate" "$rate" "$speed" "$words" "$speech" "$pauses" >> truth.json
done
echo '}' >> truth.json
printf '%s\n' "${phrases[@]}" > transcript.txt
