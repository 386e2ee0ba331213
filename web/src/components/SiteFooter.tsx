/** Page footer with the platform caveat every creator should read. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          PopCon checks every file against the rules each platform publishes for animated emojis and stickers.
          Platforms change their rules: check their current guidelines before you submit a set.
        </p>
      </div>
    </footer>
  );
}
