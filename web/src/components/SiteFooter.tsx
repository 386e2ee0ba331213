/** Page footer with the platform caveat every creator should read. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          PopCon makes 180 × 180 animated PNGs sized for LINE Creators Market emoji. Check LINE’s current
          guidelines before you submit a set.
        </p>
      </div>
    </footer>
  );
}
