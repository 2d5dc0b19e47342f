#!/usr/bin/env bash
# A fake microphone for the tests: a PulseAudio null sink ("FakeSpeaker") whose monitor is
# remapped as a source ("FakeMicrophone"); whatever is played into the sink is heard by the mic.
#   start: use the running PulseAudio, or start one; load the two modules
#   stop:  unload them, and stop PulseAudio if this script started it
set -u
STATE="${TMPDIR:-/tmp}/trainer-fake-microphone.state"

start() {
  command -v pactl >/dev/null 2>&1 || { echo "fake microphone: pactl not found (install pulseaudio-utils)"; return 0; }
  local started=0
  if ! pactl info >/dev/null 2>&1; then
    pulseaudio --daemonize=yes --exit-idle-time=-1 --log-target=stderr >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
    started=1
  fi
  if ! pactl info >/dev/null 2>&1; then
    echo "fake microphone: PulseAudio could not be started; live-microphone tests will be skipped"
    return 0
  fi
  if pactl list short sources | grep -q fake_mic; then echo "fake microphone: already there"; return 0; fi
  local sink source
  sink=$(pactl load-module module-null-sink sink_name=fake_speaker sink_properties=device.description=FakeSpeaker)
  source=$(pactl load-module module-remap-source master=fake_speaker.monitor source_name=fake_mic \
           source_properties=device.description=FakeMicrophone)
  if [ "$started" = 1 ]; then
    pactl set-default-sink fake_speaker
    pactl set-default-source fake_mic
  fi
  echo "$started $sink $source" > "$STATE"
  echo "fake microphone: ready"
}

stop() {
  [ -f "$STATE" ] || return 0
  read -r started sink source < "$STATE"
  pactl unload-module "$source" 2>/dev/null || true
  pactl unload-module "$sink" 2>/dev/null || true
  [ "$started" = 1 ] && pulseaudio --kill 2>/dev/null
  rm -f "$STATE"
  return 0
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
