/**
 * The desktop app's notification sound (resources/notification.wav), played here because the main
 * process has no audio of its own; its native notifications are silent so the sound is not doubled.
 * The browser host leaves the sound to the browser's notifications.
 */
import chimeUrl from '../../../../resources/notification.wav';

let chime: HTMLAudioElement | null = null;

export function playChime(): void {
  try {
    chime ??= new Audio(chimeUrl);
    chime.currentTime = 0;
    void chime.play().catch(() => undefined);
  } catch {
    // No audio device: the notification still shows.
  }
}
