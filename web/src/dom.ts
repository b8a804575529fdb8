// A tiny element builder: the app has no UI framework, so pages are built from plain DOM calls.
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v as EventListener);
    } else if (k === 'class') {
      el.className = String(v);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

let idCounter = 0;
export function uid(prefix = 'f'): string {
  idCounter += 1;
  return `${prefix}${idCounter}`;
}

/** A labelled control: the label's `for` names the control, so screen readers announce it. */
export function field(label: string, control: HTMLElement, hint?: HTMLElement): HTMLElement {
  if (!control.id) control.id = uid();
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ?? null);
}

export function select(
  options: { value: string; label: string; group?: string }[],
  value?: string,
  attrs: Attrs = {},
): HTMLSelectElement {
  const s = h('select', attrs);
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const o of options) {
    const opt = h('option', { value: o.value }, o.label);
    if (o.group) {
      let g = groups.get(o.group);
      if (!g) {
        g = h('optgroup', { label: o.group });
        groups.set(o.group, g);
        s.append(g);
      }
      g.append(opt);
    } else {
      s.append(opt);
    }
  }
  if (value !== undefined) s.value = value;
  return s;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function download(filename: string, content: BlobPart, type: string): void {
  const blob = new Blob([content], { type });
  const a = h('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
