// mocha `--require`: wires @typescript-eslint/rule-tester into mocha's hooks.
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as mocha from 'mocha';

RuleTester.afterAll = mocha.after;
RuleTester.describe = mocha.describe;
RuleTester.it = mocha.it;
RuleTester.itOnly = mocha.it.only;
