import {useState} from 'react';

// A function-valued property: <mi-confirm> calls it with {formData, signal}.
async function save() {
  window.__example.actionCalls++;
  await new Promise((resolve) => setTimeout(resolve, 30));
  return 'saved';
}

// Module-level constant: the same object on every render (a new object per render would be set again each time).
const strings = {'example.greeting': 'Hello from React'};

export function App() {
  const [renders, setRenders] = useState(0); // "Re-render": the component updates, the elements must not care
  const [progress, setProgress] = useState(0);
  const [lastEvent, setLastEvent] = useState('none');

  const onEvent = (event: Event) => {
    window.__example.events.push(`${event.type}@${(event.target as HTMLElement).id}`);
    setLastEvent(event.type);
  };

  return (
    <main>
      <h1>mi-elements in React {renders}</h1>
      {/* attribute (motion), object property (strings) */}
      <mi-provider id="provider" motion="reduce" strings={strings}>
        {/* function property (action), kebab-case events as React 19 event props (onmi-success) */}
        <mi-confirm id="confirm" success-text="Saved" action={save} onmi-pending={onEvent} onmi-success={onEvent} onmi-error={onEvent}>
          <button id="save" type="button">Save #{renders}</button>
        </mi-confirm>
        <mi-progress id="progress" label="Upload" value={progress} onmi-complete={onEvent}></mi-progress>
        <mi-typing id="typing" name="Ana" active={true}></mi-typing>
      </mi-provider>
      <button id="rerender" type="button" onClick={() => setRenders((n) => n + 1)}>
        Re-render
      </button>
      <button id="advance" type="button" onClick={() => setProgress((p) => Math.min(100, p + 50))}>
        Advance
      </button>
      <p>
        Last event: <output id="last-event">{lastEvent}</output> · renders: <output id="renders">{renders}</output>
      </p>
    </main>
  );
}
