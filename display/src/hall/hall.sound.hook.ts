import { useEffect, useState } from 'preact/hooks';
import type { PublicConfigDto } from '@contract/dto';
import { createHallSound, type HallSound } from './hall.sound.ts';
import type { SoundView } from './hall.screen.tsx';

/** A freshly made AudioContext reports "suspended" for a moment even where autoplay is allowed. */
const GRACE_MS = 1500;

/** One HallSound for the page, plus what to show about it: nothing, the set-up button, or a warning. */
export function useHallSound(
  config: PublicConfigDto,
  make: (c: PublicConfigDto) => HallSound = createHallSound,
): { sound: HallSound; view: SoundView; unlock(): void } {
  const [sound] = useState(() => make(config));
  const [blocked, setBlocked] = useState(() => sound.blocked);
  const [graceOver, setGraceOver] = useState(false);
  const [tapped, setTapped] = useState(false);

  useEffect(() => {
    const off = sound.onBlockedChange(setBlocked);
    setBlocked(sound.blocked);
    const t = setTimeout(() => {
      setGraceOver(true);
      setBlocked(sound.blocked);
    }, GRACE_MS);
    return () => {
      off();
      clearTimeout(t);
    };
  }, [sound]);
  useEffect(() => () => sound.dispose(), [sound]);
  useEffect(() => sound.update(config), [sound, config]);

  const unlock = () => {
    setTapped(true);
    sound.unlock().then(
      () => setBlocked(sound.blocked),
      () => setBlocked(sound.blocked),
    );
  };
  const view: SoundView = !blocked || !graceOver ? 'ok' : tapped ? 'blocked' : 'setup';
  return { sound, view, unlock };
}
