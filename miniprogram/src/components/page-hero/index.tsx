import { Text, View } from '@tarojs/components';
import { Pill, type PillTone } from '../pill';

export interface HeroText {
  /** Stable hook for e2e tests. */
  id?: string;
  text: string;
}

export interface HeroBadge extends HeroText {
  tone?: Extract<PillTone, 'on-dark' | 'on-dark-soft'>;
}

export interface PageHeroProps {
  /** A small line above the title: the workspace's name. */
  eyebrow?: HeroText;
  title: HeroText;
  /** `display`: the home page's large brand title. */
  size?: 'title' | 'display';
  badges?: HeroBadge[];
  /** Small lines under the title: place, code, role. */
  lines?: HeroText[];
  /** Leaves room for the first card to overlap the band (Panel `overlap`). */
  overlap?: boolean;
}

/** The green band at the top of a page: what the page is about, in large type. */
export function PageHero({ eyebrow, title, size = 'title', badges = [], lines = [], overlap }: PageHeroProps) {
  return (
    <View className={`page-hero${overlap ? ' page-hero--overlap' : ''}`}>
      {eyebrow ? (
        <Text id={eyebrow.id} className="page-hero__eyebrow">
          {eyebrow.text}
        </Text>
      ) : null}
      <Text id={title.id} className={`page-hero__title page-hero__title--${size}`}>
        {title.text}
      </Text>
      {badges.length > 0 ? (
        <View className="page-hero__badges">
          {badges.map((badge, index) => (
            <Pill key={badge.id ?? index} id={badge.id} tone={badge.tone ?? 'on-dark'}>
              {badge.text}
            </Pill>
          ))}
        </View>
      ) : null}
      {lines.map((line, index) => (
        <Text key={line.id ?? index} id={line.id} className="page-hero__line">
          {line.text}
        </Text>
      ))}
    </View>
  );
}
