import { useEffect } from 'react';
import { useUser } from '../auth/AuthProvider.tsx';
import { ExampleStrip } from '../components/ExampleStrip.tsx';
import { Link } from '../components/Link.tsx';
import { navigate } from '../lib/history.ts';

const STEPS = [
  {
    title: 'Bring a character',
    text: 'Upload one image of your character, or start from Blob, Cat or Bear in the colour you like.',
  },
  {
    title: 'Pick what it does',
    text: 'Hello, Love, Laugh, Cry, Party… choose up to 40 actions. Repeat one and each copy gets a twist.',
  },
  {
    title: 'Download for each platform',
    text: 'LINE, Discord, Slack, Telegram, WhatsApp or KakaoTalk: each gets its own files, checked against its rules and zipped, ready to submit.',
  },
];

/** `/`: what PopCon does and the way in. */
export function LandingPage() {
  useEffect(() => {
    document.title = 'PopCon · Animated emoji sets for LINE, Discord, Slack and more';
  }, []);

  return (
    <>
      <section className="hero">
        <div className="container hero__inner">
          <p className="eyebrow">Animated emoji maker</p>
          <h1 className="hero__title" tabIndex={-1}>
            PopCon
          </h1>
          <p className="hero__pitch">
            One character in, a whole animated emoji set out — ready for LINE, Discord, Slack, Telegram,
            WhatsApp and KakaoTalk.
          </p>
          <div className="hero__cta">
            <StartCreating />
            <p className="muted">A set of 16 renders in seconds.</p>
          </div>
        </div>
        <div className="container">
          <ExampleStrip />
        </div>
      </section>

      <section className="container how" aria-labelledby="how-title">
        <h2 id="how-title" className="section-title">
          How it works
        </h2>
        <ol className="how__steps">
          {STEPS.map((step, i) => (
            <li key={step.title} className="card how__step">
              <span className="step__num" aria-hidden="true">
                {i + 1}
              </span>
              <h3>{step.title}</h3>
              <p className="muted">{step.text}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** Goes to the editor; when signed out, opens sign-in first and continues to the editor afterwards. */
function StartCreating() {
  const { state, signIn } = useUser();
  if (state.status !== 'signed-out') {
    return (
      <Link href="/create" className="button button--primary button--xl">
        Start Creating
      </Link>
    );
  }
  const onClick = async () => {
    try {
      await signIn();
      navigate('/create');
    } catch (err) {
      // A closed popup is the user's choice; the editor's sign-in card offers another try.
      console.warn('sign-in did not complete', err);
      navigate('/create');
    }
  };
  return (
    <button type="button" className="button button--primary button--xl" onClick={() => void onClick()}>
      Start Creating
    </button>
  );
}
