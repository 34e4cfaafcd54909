/**
 * The app shell: phone.html and join.html carry the first screen as plain HTML, painted before
 * any script arrives on a slow network. The entry reads what was typed into it, then empties
 * the root so the app renders on a clean slate.
 */
const typed = new Map<string, string>();

export function takeShell(root: HTMLElement): void {
  for (const input of root.querySelectorAll<HTMLInputElement>('input[id]')) if (input.value) typed.set(input.id, input.value);
  root.replaceChildren();
}

/** What the person typed into the shell's field `id`, or ''. */
export function shellValue(id: string): string {
  return typed.get(id) ?? '';
}
