import type { TemplateSegment } from '../../../../shared/templates/render-template';

/** A rendered quick reply with filled values marked, and unfilled placeholders left visible. */
export function TemplatePreview({
  segments,
  className = '',
}: {
  segments: readonly TemplateSegment[];
  className?: string;
}) {
  return (
    <span className={`template-preview ${className}`}>
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <mark key={index} className={`template-preview__${segment.kind}`} data-field={segment.name}>
            {segment.text}
          </mark>
        ),
      )}
    </span>
  );
}
