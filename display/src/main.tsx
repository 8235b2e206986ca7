import '@ui/zod.setup';
import { render } from 'preact';
import '../../ui/src/fonts.css';
import './display.css';
import { HallApp } from './hall/hall.app.tsx';
import { SignApp } from './sign/sign.app.tsx';

/** /display → the hall TV; /display/counter/:number → the sign above that counter. */
const sign = /^\/display\/counter\/(\d+)\/?$/.exec(window.location.pathname);
document.body.classList.add(sign ? 'is-sign' : 'is-hall');
render(sign ? <SignApp number={Number(sign[1])} /> : <HallApp />, document.getElementById('app')!);
