"""Zero-shot SmolLM2-135M on held-out sentence-role test sentences: N per role (default 7).

Usage: python bench/llm_zero_shot.py [N]
"""
import os, time, json, sys
os.environ["HF_HUB_OFFLINE"]="1"
from ico_lens.language.llm import HFCausalLM, ZeroShotSentenceLabeler
from ico_lens.language import datasets
from ico_lens.language.evaluate import sentence_role_scores
rows=[r for r in datasets.load_sentence_roles() if r['split']=='test']
per=int(sys.argv[1]) if len(sys.argv)>1 else 7
pick=[]; 
for lab in ['risk_disclosure','legal_disclaimer','forward_looking','return_promise','technical','other']:
    pick+=[r for r in rows if r['label']==lab][:per]
t=time.time(); lm=HFCausalLM(); lm._load(); load=time.time()-t
out={'n':len(pick),'load_s':round(load,1)}
for method in ('score','generate'):
    z=ZeroShotSentenceLabeler(lm,method=method); t=time.time(); pred=z.predict([r['text'] for r in pick]); dt=time.time()-t
    sc=sentence_role_scores([r['label'] for r in pick],pred)
    from collections import Counter
    out[method]={'accuracy':sc['accuracy'],'macro_f1':sc['macro_f1'],'sentences_per_s':round(len(pick)/dt,2),'predicted':dict(Counter(pred))}
    print(method, out[method], flush=True)
print(json.dumps(out))
