// Spoken cues through the browser's speech synthesis. Every browser that has it is different
// (no voices yet, a voice that throws, none at all), and a runner never wants an error for a
// missing voice, so nothing here throws: it says the sentence or it does nothing.

/** A little quicker than the default: cues are short and the runner is busy. */
const SPEAKING_RATE = 1.1;

function synthesis(): SpeechSynthesis | null {
  try {
    const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
    return synth && typeof globalThis.SpeechSynthesisUtterance === 'function' ? synth : null;
  } catch {
    return null;
  }
}

/** Whether this browser can speak at all. */
export const canSpeak = (): boolean => synthesis() !== null;

/** Says `sentence`, cutting off whatever is being said. True when it was handed to the voice. */
export function speak(sentence: string): boolean {
  const synth = synthesis();
  if (!synth || sentence.trim() === '') return false;
  try {
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.rate = SPEAKING_RATE;
    if (typeof document !== 'undefined' && document.documentElement.lang) utterance.lang = document.documentElement.lang;
    synth.speak(utterance);
    return true;
  } catch {
    return false;
  }
}

/** Stops speaking now (and drops anything queued). */
export function stopSpeaking(): void {
  try {
    synthesis()?.cancel();
  } catch {
    // Nothing is being said that could be stopped.
  }
}
