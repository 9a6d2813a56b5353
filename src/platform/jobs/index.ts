export { createJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner.js'
export { startDailyJob, type DailyJob, type DailyJobOptions } from './daily-job.js'
