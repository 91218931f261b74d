import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { sql } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { oneDarkHighlightStyle } from '@codemirror/theme-one-dark';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder as placeholderText,
} from '@codemirror/view';
import { useEffect, useRef } from 'react';

export type EditorLanguage = 'javascript' | 'typescript' | 'python' | 'sql';

const languageOf = (language: EditorLanguage): Extension =>
  language === 'python' ? python() : language === 'sql' ? sql() : javascript({ typescript: language === 'typescript' });

const isDark = () => document.documentElement.classList.contains('dark');
const highlightFor = (dark: boolean) => syntaxHighlighting(dark ? oneDarkHighlightStyle : defaultHighlightStyle, { fallback: true });

// Colours come from the app's tokens, so light and dark follow the page's theme.
const frame = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--fg)', fontSize: '0.9rem', borderRadius: '0.75rem' },
  '&.cm-focused': { outline: '2px solid var(--primary)', outlineOffset: '0' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', caretColor: 'var(--fg)', padding: '0.5rem 0' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-muted)',
    color: 'var(--fg-subtle)',
    border: 'none',
    borderRadius: '0.75rem 0 0 0.75rem',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--primary) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--primary) 12%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--primary) 25%, transparent)',
  },
  '.cm-matchingBracket': { backgroundColor: 'color-mix(in srgb, var(--primary) 22%, transparent)', outline: '1px solid var(--primary)' },
  '.cm-scroller': { overflow: 'auto', minHeight: '14rem', maxHeight: '32rem' },
});

/**
 * A CodeMirror 6 editor: highlighting for JavaScript, TypeScript, Python and SQL, line numbers,
 * indentation, bracket matching. Tab indents; Escape then Tab (or Shift+Tab) moves focus out, so
 * a keyboard user is never trapped. The editor's text is the source of truth while it is open.
 */
export function CodeEditor({
  id,
  value,
  language,
  onChange,
  readOnly = false,
  labelledBy,
  describedBy,
  placeholder,
}: {
  id: string;
  value: string;
  language: EditorLanguage;
  onChange: (value: string) => void;
  readOnly?: boolean;
  labelledBy: string;
  describedBy?: string;
  placeholder?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const compartments = useRef({ language: new Compartment(), highlight: new Compartment(), readOnly: new Compartment() });
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const { language: lang, highlight, readOnly: ro } = compartments.current;
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          indentOnInput(),
          indentUnit.of(language === 'python' ? '    ' : '  '),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ activateOnTyping: false }),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          lang.of(languageOf(language)),
          highlight.of(highlightFor(isDark())),
          ro.of(EditorState.readOnly.of(readOnly)),
          frame,
          placeholder ? placeholderText(placeholder) : [],
          EditorView.contentAttributes.of({
            'aria-labelledby': labelledBy,
            ...(describedBy ? { 'aria-describedby': describedBy } : {}),
            'aria-multiline': 'true',
            id,
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    // Follow the page's light/dark switch.
    const observer = new MutationObserver(() => created.dispatch({ effects: highlight.reconfigure(highlightFor(isDark())) }));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => {
      observer.disconnect();
      created.destroy();
      view.current = null;
    };
    // Built once; language, read-only and outside changes of the text are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.language.reconfigure(languageOf(language)) });
  }, [language]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.readOnly.reconfigure(EditorState.readOnly.of(readOnly)) });
  }, [readOnly]);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) {
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} className="rounded-xl border border-border-strong" data-testid="code-editor" />;
}
