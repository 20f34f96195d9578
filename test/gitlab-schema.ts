/**
 * GitLab's Code Quality report schema (`fixtures/gitlab/`), which every
 * GitLab report the tests produce is checked against.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import {expect} from 'vitest'
import {repoRoot} from './project.js'

const validate = new Ajv({allErrors: true}).compile(
  JSON.parse(readFileSync(path.join(repoRoot, 'fixtures/gitlab/code-quality-schema.json'), 'utf8')) as object
)

/** One issue of a report, as far as the tests read it. */
export interface GitlabIssue {
  description: string
  fingerprint: string
  location: {path: string; lines: {begin: number}}
}

/** Parse a GitLab Code Quality report, failing the test unless it is valid against the schema, with unique fingerprints. */
export function parseGitlab(text: string): GitlabIssue[] {
  const report = JSON.parse(text) as GitlabIssue[]
  expect(validate(report) ? [] : validate.errors).toEqual([])
  expect(new Set(report.map((issue) => issue.fingerprint)).size).toBe(report.length)
  return report
}
