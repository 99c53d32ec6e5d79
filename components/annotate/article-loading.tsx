/** The article's text, shown while its claims load (the annotate page's first paint). */
export function ArticleLoading({ title, text }: { title: string; text: string }) {
  return (
    <div className="workspace">
      <div className="workspace-head">
        <h1>{title}</h1>
        <p className="muted small" role="status">
          Loading the claims…
        </p>
      </div>
      <div className="workspace-body">
        <section className="text-pane" aria-label="Article">
          <div className="article-text">{text}</div>
        </section>
      </div>
    </div>
  );
}
