import { useEffect, useRef, useState } from 'react';
import { formatDuration } from '../../../../shared/media/media-kind';
import type { Translate } from '../../../../shared/i18n';

const speeds = [1, 1.5, 2] as const;

/** A voice note or audio: play/pause, position, duration and the speed staff use for long notes. */
export function VoicePlayer({
  src,
  durationSec,
  voice,
  t,
}: {
  src: string;
  durationSec: number | undefined;
  voice: boolean;
  t: Translate;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState(durationSec ?? 0);
  const [speed, setSpeed] = useState<(typeof speeds)[number]>(1);

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = speed;
  }, [speed]);

  const toggle = () => {
    const element = audio.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => setPlaying(false));
    else element.pause();
  };
  const nextSpeed = speeds[(speeds.indexOf(speed) + 1) % speeds.length] ?? 1;
  const shown = playing || position > 0 ? position : duration;

  return (
    <div
      className={`voice-player${voice ? ' voice-player--voice' : ''}`}
      role="group"
      aria-label={t('mediaView.voice')}
    >
      <audio
        ref={audio}
        src={src}
        preload="metadata"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => {
          setPlaying(false);
          setPosition(0);
        }}
        onTimeUpdate={(event) => setPosition(event.currentTarget.currentTime)}
        onLoadedMetadata={(event) => {
          const seconds = event.currentTarget.duration;
          if (Number.isFinite(seconds) && seconds > 0) setDuration(seconds);
          event.currentTarget.playbackRate = speed;
        }}
      />
      <button
        type="button"
        className="voice-player__play"
        aria-label={playing ? t('mediaView.pause') : t('mediaView.play')}
        aria-pressed={playing}
        onClick={toggle}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          {playing ? (
            <path fill="currentColor" d="M6 5h4v14H6zm8 0h4v14h-4z" />
          ) : (
            <path fill="currentColor" d="M7 4.5v15l12-7.5z" />
          )}
        </svg>
      </button>
      <input
        className="voice-player__track"
        type="range"
        min={0}
        max={duration || 1}
        step={0.1}
        value={Math.min(position, duration || 1)}
        aria-label={t('mediaView.position')}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (audio.current) audio.current.currentTime = value;
          setPosition(value);
        }}
      />
      <span className="voice-player__time" aria-label={t('mediaView.duration', { duration: formatDuration(duration) })}>
        {formatDuration(shown)}
      </span>
      <button
        type="button"
        className="voice-player__speed"
        aria-label={t('mediaView.speed', { speed: `${nextSpeed}×` })}
        onClick={() => setSpeed(nextSpeed)}
      >
        {`${speed}×`}
      </button>
    </div>
  );
}
