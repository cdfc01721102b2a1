/**
 * The topics a training session is scheduled under (configuration; the mini-program shows their names).
 * Kept free of zod so the mini-program's schedule form imports the list without the schema library.
 */
export const TRAINING_TOPICS = ['phone_skills', 'selling_online', 'livestock_disease', 'farming_tech', 'other'] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
